using Kommune20.Contracts.Federation;
using Kommune20.Messaging;

namespace Kommune20.Library.Practices;

/// <summary>Cities published practices: the library keeps replicas and indexes them, a batch in one commit.</summary>
public sealed class PracticePublishedConsumer(PracticeReplicas replicas, InboxStore inbox) : InboxBatchConsumer<PracticePublished>(inbox)
{
    protected override Task ConsumeAsync(IReadOnlyList<PracticePublished> publications, CancellationToken cancellationToken) =>
        replicas.ApplyManyAsync([.. publications.Select(publication => (publication.Origin, publication.Practice))], cancellationToken);
}

public sealed class PracticePublishedConsumerDefinition : BatchConsumerDefinition<PracticePublishedConsumer>;
