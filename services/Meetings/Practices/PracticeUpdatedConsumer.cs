using Kommune20.Contracts.Federation;
using Kommune20.Messaging;

namespace Kommune20.Meetings.Practices;

/// <summary>Cities changed their practices: links name them by their new titles from now on.</summary>
public sealed class PracticeUpdatedConsumer(LibraryPractices practices, InboxStore inbox) : InboxBatchConsumer<PracticeUpdated>(inbox)
{
    protected override Task ConsumeAsync(IReadOnlyList<PracticeUpdated> updates, CancellationToken cancellationToken) =>
        practices.ApplyManyAsync([.. updates.Select(update => (update.Origin, update.Practice))], cancellationToken);
}

public sealed class PracticeUpdatedConsumerDefinition : BatchConsumerDefinition<PracticeUpdatedConsumer>;
