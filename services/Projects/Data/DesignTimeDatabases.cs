using Kommune20.Data;

namespace Kommune20.Projects.Data;

sealed class ProjectsDbDesignTime : SqliteDesignTimeDatabase<ProjectsDb>;

sealed class PostgresProjectsDbDesignTime : PostgresDesignTimeDatabase<PostgresProjectsDb>;
