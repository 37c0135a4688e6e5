using Kommune20.Federation.Data;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kommune20.Data.Tests;

/// <summary>
/// A Federation database made by the first migration, with quarantined changes in it, is upgraded by the next one (the
/// index for the office's list of open changes): the rows stay as they were and the index is there. On both providers.
/// </summary>
public sealed class FederationUpgradeTests
{
    static readonly Guid Source = Guid.Parse("5C1E0F3A-6B0D-4C8E-9E52-0A4F7D1B2C01");
    static readonly Guid Origin = Guid.Parse("A7D3E9B2-1F4C-4E6A-8B5D-3C2E1F0A9B02");

    [Fact]
    public Task A_SQLite_database_of_the_first_migration_keeps_its_rows_through_the_upgrade() =>
        UpgradeKeepsRowsAsync(Contexts.Create(typeof(FederationDb), options => options.UseSqlite(
            $"Data Source={Path.Combine(TestEnvironment.NewDataDirectory("upgrade"), "federation.db")};Pooling=False")));

    [Fact]
    public Task A_PostgreSQL_database_of_the_first_migration_keeps_its_rows_through_the_upgrade() =>
        UpgradeKeepsRowsAsync(Contexts.Create(typeof(PostgresFederationDb), options => options.UseNpgsql(
            $"{TestEnvironment.Postgres};Database=federation_upgrade_{Guid.NewGuid():N}")));

    static async Task UpgradeKeepsRowsAsync(DbContext context)
    {
        await using var db = context;
        try
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "Federation needs an earlier migration to upgrade from");
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
            Assert.Equal(0, await IndexCountAsync(db));

            // Upper-case GUIDs and ISO moments as text: how EF Core's SQLite provider stores them, and valid PostgreSQL literals.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO quarantined_changes ("SourceMemberId", "OriginMemberId", "Kind", "OriginId", "Version", "Code", "Field", "Reason", "Payload", "ReceivedAt", "ResolvedAt")
                VALUES ('5C1E0F3A-6B0D-4C8E-9E52-0A4F7D1B2C01', 'A7D3E9B2-1F4C-4E6A-8B5D-3C2E1F0A9B02', 'Practice', 'p-1', 7, 'invalid', 'title', 'Titel fehlt', '{{}}', '2026-12-01 09:30:00+00:00', NULL),
                       ('5C1E0F3A-6B0D-4C8E-9E52-0A4F7D1B2C01', 'A7D3E9B2-1F4C-4E6A-8B5D-3C2E1F0A9B02', 'Practice', 'p-2', 8, 'invalid', NULL, 'Zu lang', '{{}}', '2026-12-01 09:31:00+00:00', '2026-12-02 08:00:00+00:00')
                """);

            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(1, await IndexCountAsync(db));
            var rows = await ((FederationDb)db).Quarantine.AsNoTracking().OrderBy(q => q.Version).ToListAsync();
            Assert.Equal(["p-1", "p-2"], rows.Select(q => q.OriginId));
            Assert.All(rows, q => Assert.Equal((Source, Origin), (q.SourceMemberId, q.OriginMemberId)));
            Assert.Equal("title", rows[0].Field);
            Assert.Null(rows[0].ResolvedAt);
            Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), rows[1].ResolvedAt);
            Assert.Equal("p-1", (await ((FederationDb)db).Quarantine.AsNoTracking().SingleAsync(q => q.ResolvedAt == null)).OriginId);
        }
        finally
        {
            if (!db.Database.IsSqlite())
                await db.Database.EnsureDeletedAsync();
        }
    }

    static Task<int> IndexCountAsync(DbContext db) => db.Database.SqlQueryRaw<int>(db.Database.IsSqlite()
        ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = 'IX_quarantined_changes_ResolvedAt'"
        : "SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_quarantined_changes_ResolvedAt'").SingleAsync();
}
