using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kommune20.Messaging;

/// <summary>
/// Makes every consumer idempotent: the message id and the receiving queue are recorded in the service's own
/// database in the same SaveChanges as the consumer's state change, and a redelivered message is skipped.
/// </summary>
public sealed class InboxFilter<TMessage>(InboxStore inbox, ILogger<InboxFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = InboxStore.ConsumerOf(context);
        if (await inbox.HasProcessedAsync(messageId, consumer, context.CancellationToken))
        {
            MessagingMetrics.RedeliveriesSkipped.Add(1);
            logger.LogInformation("Skipping {MessageType} {MessageId}: {Consumer} handled it before", typeof(TMessage).Name, messageId, consumer);
            return;
        }

        inbox.Record(messageId, consumer);
        await next.Send(context);
        await inbox.SaveAsync(context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}

/// <summary>The inbox table of the service's database, resolved in the consumer's scope so it shares the consumer's DbContext.</summary>
public sealed class InboxStore(DbContext db)
{
    public Task<bool> HasProcessedAsync(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        db.Set<InboxMessage>().AnyAsync(message => message.MessageId == messageId && message.Consumer == consumer, cancellationToken);

    public void Record(Guid messageId, string consumer) => Record(messageId, consumer, DateTimeOffset.UtcNow);

    void Record(Guid messageId, string consumer, DateTimeOffset processedAt) =>
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = processedAt });

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// The messages of <paramref name="batch"/> the consumer has not handled yet, each recorded as handled with one query
    /// for the whole batch and all at the same time; the consumer's own SaveChanges commits the records with its changes.
    /// </summary>
    public async Task<IReadOnlyList<ConsumeContext<TMessage>>> RecordNewAsync<TMessage>(Batch<TMessage> batch, CancellationToken cancellationToken)
        where TMessage : class
    {
        var messages = batch.ToList();
        var consumer = ConsumerOf(messages[0]);
        var ids = messages.Select(message => message.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.")).ToList();
        var handled = (await db.Set<InboxMessage>().Where(message => message.Consumer == consumer && ids.Contains(message.MessageId))
            .Select(message => message.MessageId).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = new List<ConsumeContext<TMessage>>(messages.Count);
        var now = DateTimeOffset.UtcNow;
        foreach (var message in messages)
        {
            // Add also drops a second copy of a message within the batch.
            if (handled.Add(message.MessageId!.Value))
            {
                Record(message.MessageId.Value, consumer, now);
                fresh.Add(message);
            }
        }
        MessagingMetrics.RedeliveriesSkipped.Add(messages.Count - fresh.Count);
        return fresh;
    }

    /// <summary>The consumer a message is for: the queue it was received from.</summary>
    public static string ConsumerOf(ConsumeContext context) => context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
}
