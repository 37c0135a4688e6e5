using Microsoft.EntityFrameworkCore;

namespace Kommune20.Messaging;

/// <summary>The outbox table of the service's database as operators see it, resolved per request like <see cref="InboxStore"/>.</summary>
public sealed class OutboxStore(DbContext db)
{
    public const int MaxDeadLetters = 100;

    /// <summary>The backlog and the dead letters.</summary>
    public async Task<OutboxStatus> CountAsync(CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>().AsNoTracking();
        var waiting = Waiting(outbox);
        var pending = await waiting.CountAsync(cancellationToken);
        var deadLetters = await outbox.CountAsync(message => message.DeadLetteredAt != null, cancellationToken);
        var oldest = await waiting.OrderBy(message => message.Sequence).Select(message => (DateTimeOffset?)message.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new OutboxStatus(pending, deadLetters, oldest);
    }

    /// <summary>Messages neither sent nor given up.</summary>
    internal static IQueryable<OutboxMessage> Waiting(IQueryable<OutboxMessage> outbox) =>
        outbox.Where(message => message.SentAt == null && message.DeadLetteredAt == null);

    public Task<List<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().AsNoTracking()
            .Where(message => message.DeadLetteredAt != null)
            .OrderBy(message => message.Sequence)
            .Take(MaxDeadLetters)
            .Select(message => new DeadLetter(message.Sequence, message.MessageId, message.MessageType, message.CreatedAt,
                message.DeadLetteredAt!.Value, message.Attempts, message.LastError))
            .ToListAsync(cancellationToken);

    /// <summary>Makes a dead letter pending again with fresh attempts; saving wakes the dispatcher, which publishes it next.</summary>
    public async Task<bool> RetryAsync(long sequence, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Sequence == sequence && m.DeadLetteredAt != null, cancellationToken);
        if (message is null)
            return false;
        message.DeadLetteredAt = null;
        message.NextAttemptAt = null;
        message.Attempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>Messages waiting to be published, dead letters, and when the oldest waiting message was committed.</summary>
public sealed record OutboxStatus(int Pending, int DeadLetters, DateTimeOffset? OldestPendingAt);

/// <summary>An outbox message given up, and why.</summary>
public sealed record DeadLetter(long Sequence, Guid MessageId, string MessageType, DateTimeOffset CreatedAt, DateTimeOffset DeadLetteredAt, int Attempts, string? LastError);
