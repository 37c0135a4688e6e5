using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Meetings.Calendar;

/// <summary>A city changed its event (moved, reworded, called off): the newer version replaces the calendar's.</summary>
public sealed class CityEventUpdatedConsumer(CityEventReplicas replicas) : IConsumer<CityEventUpdated>
{
    public Task Consume(ConsumeContext<CityEventUpdated> context) =>
        replicas.ApplyAsync(context.Message.Origin, context.Message.Event, context.CancellationToken);
}
