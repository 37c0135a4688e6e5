using Kommune20.Data;

namespace Kommune20.CityNode.Data;

sealed class NodeDbDesignTime : SqliteDesignTimeDatabase<NodeDb>;

sealed class PostgresNodeDbDesignTime : PostgresDesignTimeDatabase<PostgresNodeDb>;
