using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Kommune20.ServiceDefaults;
using Npgsql;

namespace Kommune20.Data;

/// <summary>
/// Brings the service's schema up to date before the service serves requests by applying its migrations, one process
/// at a time: of several instances starting at once, one migrates and the others wait and find nothing left to do.
/// A database made before Kommune20 had migrations is refused instead of being migrated over. Runs before the service
/// listens (a hosted service) or after, as its first startup work (<see cref="IStartupWork"/>).
/// </summary>
internal sealed class DatabaseInitializer<TDb>(IServiceProvider services) : IHostedService, IStartupWork where TDb : DbContext
{
    /// <summary>The key of the PostgreSQL advisory lock held while migrating; advisory locks are per database, so one key serves every service.</summary>
    const long MigrationLockKey = 0x4B3230; // "K20"

    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        if (db.Database.IsNpgsql())
            await MigrateOnPostgresAsync(db, cancellationToken);
        else
        {
            // EF Core's SQLite lock (a row in __EFMigrationsLock) is held for the whole run.
            await RefuseUnmigratedAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers proceed while the outbox dispatcher or a consumer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// EF Core's lock on PostgreSQL is a table lock that ends with its transaction, and EF Core commits after each
    /// migration: with two or more pending, a second instance took the lock between them and applied the next one too
    /// (<c>ConcurrentMigrationTests</c> failed with "relation already exists"). A session-level advisory lock spans the run.
    /// </summary>
    static async Task MigrateOnPostgresAsync(TDb db, CancellationToken cancellationToken)
    {
        await CreateDatabaseAsync(db.GetService<IRelationalDatabaseCreator>(), cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            await RefuseUnmigratedAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            // Closing hands the session back to Npgsql's pool with the lock still held: it must be released by name.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Instances starting at once may all find no database: the first creates it, the others go on with it.</summary>
    static async Task CreateDatabaseAsync(IRelationalDatabaseCreator creator, CancellationToken cancellationToken)
    {
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it in the meantime.
        }
    }

    /// <summary>
    /// Tables without a migrations history were made by <c>EnsureCreated</c> (before migrations; such a database also has
    /// <c>schema_fingerprint</c>): the initial migration would fail on them halfway, or worse, so the service stops here.
    /// </summary>
    static async Task RefuseUnmigratedAsync(TDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)
            && await creator.HasTablesAsync(cancellationToken)
            && !await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                $"The {typeof(TDb).Name} database was created by a version of Kommune20 from before migrations and cannot be upgraded. "
                + "Move it aside (for the demo, delete the data directory, e.g. .kommune20/data; on PostgreSQL drop the database) and start again.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
