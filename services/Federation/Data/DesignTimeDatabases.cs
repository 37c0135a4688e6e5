using Kommune20.Data;

namespace Kommune20.Federation.Data;

sealed class FederationDbDesignTime : SqliteDesignTimeDatabase<FederationDb>;

sealed class PostgresFederationDbDesignTime : PostgresDesignTimeDatabase<PostgresFederationDb>;
