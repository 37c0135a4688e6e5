using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Library.Portraits;

/// <summary>A city withdrew its profile: its page shows no portrait.</summary>
public sealed class CityProfileWithdrawnConsumer(CityPortraits portraits) : IConsumer<CityProfileWithdrawn>
{
    public Task Consume(ConsumeContext<CityProfileWithdrawn> context) =>
        portraits.WithdrawAsync(context.Message.Origin, context.CancellationToken);
}
