using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Data;

/// <summary>
/// LibraryDb on PostgreSQL: the same model under a type of its own, so that it has its own migrations (Data/Migrations/Postgres)
/// beside the SQLite ones (Data/Migrations/Sqlite). See ServiceDatabase.AddServiceDatabase.
/// </summary>
public sealed class PostgresLibraryDb(DbContextOptions<PostgresLibraryDb> options) : LibraryDb(options);
