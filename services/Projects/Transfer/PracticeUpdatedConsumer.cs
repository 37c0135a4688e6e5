using Kommune20.Contracts.Federation;
using Kommune20.Messaging;

namespace Kommune20.Projects.Transfer;

/// <summary>A city changed a practice: it may come to name a project, name another or none.</summary>
public sealed class PracticeUpdatedConsumer(TransferReports reports, InboxStore inbox) : InboxBatchConsumer<PracticeUpdated>(inbox)
{
    protected override Task ConsumeAsync(IReadOnlyList<PracticeUpdated> updates, CancellationToken cancellationToken) =>
        reports.ApplyManyAsync([.. updates.Select(update => (update.Origin, update.Practice))], cancellationToken);
}

public sealed class PracticeUpdatedConsumerDefinition : BatchConsumerDefinition<PracticeUpdatedConsumer>;
