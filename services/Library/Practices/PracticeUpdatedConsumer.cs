using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Library.Practices;

/// <summary>A city changed its practice: a newer version replaces the replica and is re-indexed.</summary>
public sealed class PracticeUpdatedConsumer(PracticeReplicas replicas) : IConsumer<PracticeUpdated>
{
    public Task Consume(ConsumeContext<PracticeUpdated> context) =>
        replicas.ApplyAsync(context.Message.Origin, context.Message.Practice, context.CancellationToken);
}
