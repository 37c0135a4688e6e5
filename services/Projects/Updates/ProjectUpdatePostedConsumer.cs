using MassTransit;
using NodeUpdatePosted = Kommune20.Contracts.Federation.ProjectUpdatePosted;

namespace Kommune20.Projects.Updates;

/// <summary>A city node posted or changed an update to a project.</summary>
public sealed class ProjectUpdatePostedConsumer(NodeUpdates updates) : IConsumer<NodeUpdatePosted>
{
    public Task Consume(ConsumeContext<NodeUpdatePosted> context) => updates.ApplyAsync(context.Message.Origin, context.Message.Update, context.CancellationToken);
}
