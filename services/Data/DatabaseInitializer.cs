using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.Data;

/// <summary>
/// Creates the service's schema before the service accepts requests, and remembers which schema it created (a hash of
/// the creation script). A database that an older version created is refused at start with a clear message instead of
/// failing later on a missing column: without migrations, <c>EnsureCreated</c> never changes an existing schema.
/// </summary>
internal sealed class DatabaseInitializer<TDb>(IServiceProvider services) : IHostedService where TDb : DbContext
{
    const string SchemaTable = "schema_fingerprint";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript())));
        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {SchemaTable} (fingerprint VARCHAR(64) NOT NULL)", cancellationToken);
            await db.Database.ExecuteSqlAsync($"INSERT INTO schema_fingerprint (fingerprint) VALUES ({fingerprint})", cancellationToken);
        }
        else if (await StoredFingerprintAsync(db, cancellationToken) != fingerprint)
        {
            throw new InvalidOperationException(
                $"The {typeof(TDb).Name} database was created by another version of this service and its schema differs. "
                + "Kommune20 has no migrations yet: move the database aside (for the demo, delete the data directory, e.g. .kommune20/data) and start again.");
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while the outbox dispatcher or a consumer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    static async Task<string?> StoredFingerprintAsync(TDb db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.SqlQueryRaw<string>($"SELECT fingerprint AS \"Value\" FROM {SchemaTable}").FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException)
        {
            // A database from before the fingerprint: its schema cannot be vouched for.
            return null;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
