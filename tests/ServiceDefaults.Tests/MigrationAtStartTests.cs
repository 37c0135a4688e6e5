using Kommune20.Data;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>A service migrates its database at start; one made before migrations is refused with what to do, and kept as it was.</summary>
public sealed class MigrationAtStartTests
{
    readonly string _data = TestEnvironment.NewDataDirectory("migrate");

    [Fact]
    public async Task A_new_database_is_migrated_and_starts_again()
    {
        await StartAndStopAsync();
        await StartAndStopAsync();

        await using var db = OpenLedger();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Single(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_database_from_before_migrations_is_refused_with_a_clear_message_and_left_as_it_was()
    {
        await using (var old = OpenLedger())
        {
            // What EnsureCreated and the schema fingerprint left behind before Kommune20 had migrations.
            await old.Database.EnsureCreatedAsync();
            await old.Database.ExecuteSqlRawAsync("CREATE TABLE schema_fingerprint (fingerprint VARCHAR(64) NOT NULL)");
            old.Entries.Add(new Entry { Id = Guid.NewGuid(), Amount = 42 });
            await old.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(StartAndStopAsync);

        Assert.Contains("from before migrations", refused.Message);
        Assert.Contains(".kommune20/data", refused.Message);
        await using var db = OpenLedger();
        Assert.Equal(42, (await db.Entries.SingleAsync()).Amount);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    async Task StartAndStopAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = _data });
        builder.AddServiceDatabase<Ledger, PostgresLedger>("ledger");
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }

    Ledger OpenLedger() => new(new DbContextOptionsBuilder<Ledger>().UseSqlite($"Data Source={Path.Combine(_data, "ledger.db")};Pooling=False").Options);
}
