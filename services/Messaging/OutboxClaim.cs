using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kommune20.Messaging;

/// <summary>
/// The right to dispatch the outbox, held by one dispatcher at a time. On PostgreSQL, where several processes of a
/// service may share the database, it is a transaction-scoped advisory lock: the holder reads, publishes and marks its
/// batch in that transaction, so another dispatcher neither sees the rows unsent nor runs alongside. Claiming rows with
/// <c>FOR UPDATE SKIP LOCKED</c> would also keep a row from being published twice, but would let the second dispatcher
/// publish later rows while the first still publishes earlier ones, losing commit order. SQLite has one process per
/// database and its single dispatcher needs no claim (a transaction held across the publishes would only block writers).
/// </summary>
internal sealed class OutboxClaim(IDbContextTransaction? transaction) : IAsyncDisposable
{
    // "K20OUTBX" as a number: the lock is per database, and only the outbox takes it.
    const long LockKey = 0x4B32304F55544258;

    public static async Task<OutboxClaim?> TryTakeAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
            return new OutboxClaim(null);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").ToListAsync(cancellationToken);
        if (taken.Single())
            return new OutboxClaim(transaction);
        await transaction.DisposeAsync();
        return null;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
