using Kommune20.Contracts.Federation;
using MassTransit;

namespace Kommune20.Library.Portraits;

/// <summary>A city published a new version of its profile: its page shows it if it is public, and no longer shows it if not.</summary>
public sealed class CityProfileUpdatedConsumer(CityPortraits portraits) : IConsumer<CityProfileUpdated>
{
    public Task Consume(ConsumeContext<CityProfileUpdated> context) =>
        portraits.ApplyAsync(context.Message.Origin, context.Message.Profile, context.CancellationToken);
}
