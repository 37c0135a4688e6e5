using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>One hub (the topology's services and the gateway as real processes, real RabbitMQ) with its demo data.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public Hub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await Hub.StartAsync();

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
