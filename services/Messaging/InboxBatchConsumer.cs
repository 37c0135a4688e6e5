using MassTransit;

namespace Kommune20.Messaging;

/// <summary>
/// A consumer of <typeparamref name="TMessage"/> in batches (<see cref="BatchConsumers"/>): it gets the messages of a
/// batch it has not handled before, and its one SaveChanges commits its changes with their inbox records.
/// </summary>
public abstract class InboxBatchConsumer<TMessage>(InboxStore inbox) : IConsumer<Batch<TMessage>>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<Batch<TMessage>> context) =>
        await ConsumeAsync([.. (await inbox.RecordNewAsync(context.Message, context.CancellationToken)).Select(fresh => fresh.Message)],
            context.CancellationToken);

    /// <summary>Applies <paramref name="messages"/>, in the batch's order, and saves once.</summary>
    protected abstract Task ConsumeAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);
}
