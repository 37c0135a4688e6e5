using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Library.Practices;

/// <summary>A city withdrew its practice: it leaves search, the catalogue and every public view.</summary>
public sealed class PracticeWithdrawnConsumer(PracticeReplicas replicas) : IConsumer<PracticeWithdrawn>
{
    public Task Consume(ConsumeContext<PracticeWithdrawn> context) =>
        replicas.WithdrawAsync(context.Message.Origin, context.CancellationToken);
}
