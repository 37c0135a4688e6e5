using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Projects.Updates;

/// <summary>A city withdrew an update from its node: the hub stops showing it.</summary>
public sealed class ProjectUpdateWithdrawnConsumer(NodeUpdates updates) : IConsumer<ProjectUpdateWithdrawn>
{
    public Task Consume(ConsumeContext<ProjectUpdateWithdrawn> context) => updates.WithdrawAsync(context.Message.Origin, context.CancellationToken);
}
