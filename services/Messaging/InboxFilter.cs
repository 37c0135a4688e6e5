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
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
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

    public void Record(Guid messageId, string consumer) =>
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = DateTimeOffset.UtcNow });

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
