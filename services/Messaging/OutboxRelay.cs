using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kommune20.Messaging;

/// <summary>
/// The outbox's rules, apart from the broker. The outbox of a service is one stream: messages leave one after another
/// in commit order (<see cref="OutboxMessage.Sequence"/>), and a message that fails holds back every later one until it
/// is sent or, after <see cref="OutboxOptions.MaxAttempts"/> attempts with growing waits, dead-lettered with its reason.
/// Sent messages and handled inbox entries are deleted after <see cref="OutboxOptions.Retention"/>; dead letters stay
/// until an operator retries them.
/// </summary>
public sealed class OutboxRelay(IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxRelay> logger)
{
    const int MaxErrorLength = 2000;
    readonly OutboxOptions _options = options.Value;

    /// <summary>Publishes the next batch in order; returns how many were published, or 0 when another dispatcher holds the outbox.</summary>
    public async Task<int> DispatchAsync(DbContext db, Func<OutboxMessage, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        await using var claim = await OutboxClaim.TryTakeAsync(db, cancellationToken);
        if (claim is null)
            return 0;
        var batch = await db.Set<OutboxMessage>()
            .Where(message => message.SentAt == null && message.DeadLetteredAt == null)
            .OrderBy(message => message.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var published = 0;
        var changed = false;
        foreach (var message in batch)
        {
            var now = time.GetUtcNow();
            if (message.NextAttemptAt > now)
                break;
            changed = true;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.PublishTimeout);
                await publish(message, timeout.Token);
                message.SentAt = time.GetUtcNow();
                published++;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (!Failed(message, exception, now))
                    break;
            }
        }

        if (changed)
            await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        MessagingMetrics.Published.Add(published);
        return published;
    }

    /// <summary>Records a failed attempt; true when the message was dead-lettered and the stream may go on.</summary>
    bool Failed(OutboxMessage message, Exception exception, DateTimeOffset now)
    {
        message.Attempts++;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        message.LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        MessagingMetrics.FailedAttempts.Add(1);
        if (message.Attempts >= _options.MaxAttempts)
        {
            message.DeadLetteredAt = now;
            MessagingMetrics.DeadLettered.Add(1);
            logger.LogError(exception, "Outbox message {Sequence} ({MessageId}, {Type}) dead-lettered after {Attempts} attempts",
                message.Sequence, message.MessageId, message.MessageType, message.Attempts);
            return true;
        }

        message.NextAttemptAt = now + _options.RetryDelay(message.Attempts);
        logger.LogWarning(exception, "Publishing outbox message {Sequence} ({MessageId}, {Type}) failed (attempt {Attempts}); it and the messages after it wait until {NextAttemptAt}",
            message.Sequence, message.MessageId, message.MessageType, message.Attempts, message.NextAttemptAt);
        return false;
    }

    /// <summary>Deletes sent outbox messages and inbox entries older than the retention period.</summary>
    public async Task<(int Outbox, int Inbox)> PruneAsync(DbContext db, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - _options.Retention;
        var outbox = await db.Set<OutboxMessage>().Where(message => message.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<InboxMessage>().Where(message => message.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
            logger.LogInformation("Pruned {Outbox} sent outbox messages and {Inbox} inbox entries older than {Cutoff}", outbox, inbox, cutoff);
        return (outbox, inbox);
    }
}
