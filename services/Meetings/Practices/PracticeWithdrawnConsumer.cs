using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Meetings.Practices;

/// <summary>A city withdrew its practice: nothing links to it any more (links written before stay as they were).</summary>
public sealed class PracticeWithdrawnConsumer(LibraryPractices practices) : IConsumer<PracticeWithdrawn>
{
    public Task Consume(ConsumeContext<PracticeWithdrawn> context) =>
        practices.WithdrawAsync(context.Message.Origin, context.CancellationToken);
}
