using Kommune20.Data;

namespace Kommune20.Library.Data;

sealed class LibraryDbDesignTime : SqliteDesignTimeDatabase<LibraryDb>;

sealed class PostgresLibraryDbDesignTime : PostgresDesignTimeDatabase<PostgresLibraryDb>;
