using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Meetings.Calendar;

/// <summary>A city announced an event: it joins the network calendar.</summary>
public sealed class CityEventPublishedConsumer(CityEventReplicas replicas) : IConsumer<CityEventPublished>
{
    public Task Consume(ConsumeContext<CityEventPublished> context) =>
        replicas.ApplyAsync(context.Message.Origin, context.Message.Event, context.CancellationToken);
}
