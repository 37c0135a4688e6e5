using Kommune20.Contracts.Federation;
using Kommune20.Messaging;

namespace Kommune20.Meetings.Practices;

/// <summary>Cities published practices: statements and takeaways may link to them.</summary>
public sealed class PracticePublishedConsumer(LibraryPractices practices, InboxStore inbox) : InboxBatchConsumer<PracticePublished>(inbox)
{
    protected override Task ConsumeAsync(IReadOnlyList<PracticePublished> publications, CancellationToken cancellationToken) =>
        practices.ApplyManyAsync([.. publications.Select(publication => (publication.Origin, publication.Practice))], cancellationToken);
}

public sealed class PracticePublishedConsumerDefinition : BatchConsumerDefinition<PracticePublishedConsumer>;
