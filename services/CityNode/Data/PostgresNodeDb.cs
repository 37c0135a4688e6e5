using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Data;

/// <summary>
/// NodeDb on PostgreSQL: the same model under a type of its own, so that it has its own migrations (Data/Migrations/Postgres)
/// beside the SQLite ones (Data/Migrations/Sqlite). See ServiceDatabase.AddServiceDatabase.
/// </summary>
public sealed class PostgresNodeDb(DbContextOptions<PostgresNodeDb> options) : NodeDb(options);
