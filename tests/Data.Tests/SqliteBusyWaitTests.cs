using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Tests;

/// <summary>A service's SQLite connections let SQLite wait for another writer instead of Microsoft.Data.Sqlite's 150 ms sleeps.</summary>
public sealed class SqliteBusyWaitTests
{
    [Fact]
    public async Task A_services_SQLite_connection_waits_for_a_lock_itself()
    {
        using var database = new FederationDatabaseHost();
        var db = database.NewContext();

        var timeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal(SqliteBusyWait.TimeoutMilliseconds, timeout);
    }
}
