using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Projects.Transfer;

/// <summary>A city published a practice; one naming a project may be its transfer report.</summary>
public sealed class PracticePublishedConsumer(TransferReports reports) : IConsumer<PracticePublished>
{
    public Task Consume(ConsumeContext<PracticePublished> context) =>
        reports.ApplyAsync(context.Message.Origin, context.Message.Practice, context.CancellationToken);
}
