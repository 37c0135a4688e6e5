using Kommune20.Data;

namespace Kommune20.Registry.Data;

sealed class RegistryDbDesignTime : SqliteDesignTimeDatabase<RegistryDb>;

sealed class PostgresRegistryDbDesignTime : PostgresDesignTimeDatabase<PostgresRegistryDb>;
