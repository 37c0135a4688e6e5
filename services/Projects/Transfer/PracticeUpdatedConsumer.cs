using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Projects.Transfer;

/// <summary>A city changed a practice: it may come to name a project, name another or none.</summary>
public sealed class PracticeUpdatedConsumer(TransferReports reports) : IConsumer<PracticeUpdated>
{
    public Task Consume(ConsumeContext<PracticeUpdated> context) =>
        reports.ApplyAsync(context.Message.Origin, context.Message.Practice, context.CancellationToken);
}
