using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Meetings.Practices;

/// <summary>A city published a practice: statements and takeaways may link to it.</summary>
public sealed class PracticePublishedConsumer(LibraryPractices practices) : IConsumer<PracticePublished>
{
    public Task Consume(ConsumeContext<PracticePublished> context) =>
        practices.ApplyAsync(context.Message.Origin, context.Message.Practice, context.CancellationToken);
}
