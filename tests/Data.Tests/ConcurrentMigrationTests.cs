using Kommune20.Federation.Data;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.Data.Tests;

/// <summary>Two instances of a service starting at once on one new PostgreSQL database: EF Core's migration lock lets one migrate, the other finds it done.</summary>
public sealed class ConcurrentMigrationTests
{
    [Fact]
    public async Task Two_instances_migrating_one_new_database_at_once_both_start_and_apply_each_migration_once()
    {
        var database = $"{TestEnvironment.Postgres};Database=federation_race_{Guid.NewGuid():N}";
        using var first = Instance(database);
        using var second = Instance(database);
        try
        {
            await Task.WhenAll(first.StartAsync(), second.StartAsync());

            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FederationDb>();
            var applied = await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync();
            Assert.Equal(db.Database.GetMigrations().Order(), applied.Order());
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
            await using var scope = first.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FederationDb>().Database.EnsureDeletedAsync();
        }
    }

    static IHost Instance(string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:federation"] = database,
        });
        builder.AddServiceDatabase<FederationDb, PostgresFederationDb>("federation");
        return builder.Build();
    }
}
