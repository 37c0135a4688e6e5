using Kommune20.Contracts.Federation;
using Kommune20.Messaging;

namespace Kommune20.Library.Practices;

/// <summary>Cities changed their practices: newer versions replace the replicas and are re-indexed, a batch in one commit.</summary>
public sealed class PracticeUpdatedConsumer(PracticeReplicas replicas, InboxStore inbox) : InboxBatchConsumer<PracticeUpdated>(inbox)
{
    protected override Task ConsumeAsync(IReadOnlyList<PracticeUpdated> updates, CancellationToken cancellationToken) =>
        replicas.ApplyManyAsync([.. updates.Select(update => (update.Origin, update.Practice))], cancellationToken);
}

public sealed class PracticeUpdatedConsumerDefinition : BatchConsumerDefinition<PracticeUpdatedConsumer>;
