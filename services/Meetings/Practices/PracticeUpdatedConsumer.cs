using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Meetings.Practices;

/// <summary>A city changed its practice: links name it by its new title from now on.</summary>
public sealed class PracticeUpdatedConsumer(LibraryPractices practices) : IConsumer<PracticeUpdated>
{
    public Task Consume(ConsumeContext<PracticeUpdated> context) =>
        practices.ApplyAsync(context.Message.Origin, context.Message.Practice, context.CancellationToken);
}
