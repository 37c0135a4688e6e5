using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>One hub (Registry and gateway as real processes, real RabbitMQ) shared by the tests of a class.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public Hub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await Hub.StartAsync();

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
