using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Library.Practices;

/// <summary>A city published a practice: the library keeps a replica and indexes it.</summary>
public sealed class PracticePublishedConsumer(PracticeReplicas replicas) : IConsumer<PracticePublished>
{
    public Task Consume(ConsumeContext<PracticePublished> context) =>
        replicas.ApplyAsync(context.Message.Origin, context.Message.Practice, context.CancellationToken);
}
