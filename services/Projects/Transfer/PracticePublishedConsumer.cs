using Kommune20.Contracts.Federation;
using Kommune20.Messaging;

namespace Kommune20.Projects.Transfer;

/// <summary>A city published a practice; one naming a project may be its transfer report.</summary>
public sealed class PracticePublishedConsumer(TransferReports reports, InboxStore inbox) : InboxBatchConsumer<PracticePublished>(inbox)
{
    protected override Task ConsumeAsync(IReadOnlyList<PracticePublished> publications, CancellationToken cancellationToken) =>
        reports.ApplyManyAsync([.. publications.Select(publication => (publication.Origin, publication.Practice))], cancellationToken);
}

public sealed class PracticePublishedConsumerDefinition : BatchConsumerDefinition<PracticePublishedConsumer>;
