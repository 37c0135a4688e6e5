using Kommune20.Federation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.Data.Tests;

/// <summary>A service's SQLite connections let SQLite wait for another writer instead of Microsoft.Data.Sqlite's 150 ms sleeps.</summary>
public sealed class SqliteBusyWaitTests
{
    [Fact]
    public async Task A_services_SQLite_connection_waits_for_a_lock_itself()
    {
        var directory = Directory.CreateTempSubdirectory("k20-busy-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = directory });
            builder.AddServiceDatabase<FederationDb, PostgresFederationDb>("federation");
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FederationDb>();

            var timeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync();

            Assert.Equal(SqliteBusyWait.TimeoutMilliseconds, timeout);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
