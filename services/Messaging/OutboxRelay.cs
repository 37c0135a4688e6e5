using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kommune20.Messaging;

/// <summary>
/// The outbox's rules, apart from the broker. The outbox of a service is one stream: messages are published in commit
/// order (<see cref="OutboxMessage.Sequence"/>), up to <see cref="OutboxOptions.PublishWindow"/> unconfirmed at a time, and
/// a message counts as sent only when every earlier one is sent or dead-lettered. A message that fails holds back every
/// later one until it is sent or, after <see cref="OutboxOptions.MaxAttempts"/> attempts with growing waits, dead-lettered
/// with its reason; later messages of its window that the broker did take are published again after it, with the same
/// message id, which the consumers' inbox recognises.
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
        var next = 0;
        var blocked = false;
        while (!blocked && next < batch.Count && !(batch[next].NextAttemptAt > time.GetUtcNow()))
        {
            var window = await PublishWindowAsync(batch, next, publish, cancellationToken);
            foreach (var (message, failure) in window)
            {
                next++;
                if (failure is null)
                {
                    message.SentAt = time.GetUtcNow();
                    published++;
                }
                else if (!Failed(message, failure, time.GetUtcNow()))
                {
                    blocked = true;
                    break;
                }
            }
        }

        if (next > 0)
            await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        MessagingMetrics.Published.Add(published);
        return published;
    }

    /// <summary>
    /// Starts the publishes of up to <see cref="OutboxOptions.PublishWindow"/> due messages from <paramref name="first"/> on,
    /// in commit order, and waits for the broker's confirms. Awaiting each confirm before the next publish would cost a
    /// round trip per message (some 30 a second on a busy machine). No further message is started once one has failed,
    /// nor past one that waits for its retry; the caller marks the window in order and stops at the first failure.
    /// </summary>
    async Task<List<(OutboxMessage Message, Exception? Failure)>> PublishWindowAsync(
        List<OutboxMessage> batch, int first, Func<OutboxMessage, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var started = new List<(OutboxMessage Message, Task Publish)>();
        for (var index = first; index < batch.Count && started.Count < _options.PublishWindow; index++)
        {
            var message = batch[index];
            if (message.NextAttemptAt > time.GetUtcNow() || started.Exists(publishing => publishing.Publish.IsFaulted))
                break;
            started.Add((message, Start(publish, message, timeout.Token)));
        }

        var settled = new List<(OutboxMessage, Exception?)>(started.Count);
        foreach (var (message, publishing) in started)
        {
            try
            {
                await publishing;
                settled.Add((message, null));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                settled.Add((message, exception));
            }
        }
        return settled;
    }

    static Task Start(Func<OutboxMessage, CancellationToken, Task> publish, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return publish(message, cancellationToken);
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
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
