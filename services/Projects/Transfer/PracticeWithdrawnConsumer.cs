using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Projects.Transfer;

/// <summary>A city withdrew a practice: a transfer report among them leaves its project.</summary>
public sealed class PracticeWithdrawnConsumer(TransferReports reports) : IConsumer<PracticeWithdrawn>
{
    public Task Consume(ConsumeContext<PracticeWithdrawn> context) => reports.WithdrawAsync(context.Message.Origin, context.CancellationToken);
}
