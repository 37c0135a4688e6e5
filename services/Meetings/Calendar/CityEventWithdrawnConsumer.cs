using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Meetings.Calendar;

/// <summary>A city withdrew its event: it leaves the calendar, its feeds and /termine.</summary>
public sealed class CityEventWithdrawnConsumer(CityEventReplicas replicas) : IConsumer<CityEventWithdrawn>
{
    public Task Consume(ConsumeContext<CityEventWithdrawn> context) =>
        replicas.WithdrawAsync(context.Message.Origin, context.CancellationToken);
}
