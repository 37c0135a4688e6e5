using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kommune20.Data;

/// <summary>
/// Lets SQLite wait for another connection's write itself (<c>busy_timeout</c>, in steps of a few milliseconds) instead
/// of answering "busy" at once. Microsoft.Data.Sqlite retries a busy statement only after putting the thread to sleep
/// for 150 ms, so writers that meet (the library's consumers and its indexer) queued behind each other in steps of 150 ms
/// and blocked thread-pool threads while they slept: a third of the library's thread time in the freshness benchmark
/// (bench/findings/freshness.md). Set once per opened connection, which <see cref="SqliteConnectionReuse"/> keeps open
/// for the context's unit of work.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    /// <summary>How long SQLite waits for a lock before it answers busy (and Microsoft.Data.Sqlite's own retries begin).</summary>
    public const int TimeoutMilliseconds = 5000;

    static readonly string Pragma = $"PRAGMA busy_timeout = {TimeoutMilliseconds};";

    SqliteBusyWait()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
