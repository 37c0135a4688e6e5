using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Network;

/// <summary>
/// The hub with the Metropolregion Rhein-Neckar's network node as a real process (client relay-metropolregion, network
/// mode), without demo data: the node learns Weinheim's and Schwetzingen's consent from the Registry's seed.
/// </summary>
public sealed class NetworkNodeFixture : IAsyncLifetime
{
    public Hub Hub { get; private set; } = null!;
    public ServiceProcess Metropolregion { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync();
        Metropolregion = await Hub.StartNetworkNodeAsync("metropolregion", "relay-metropolregion");
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
            await Hub.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NetworkNodeCollection : ICollectionFixture<NetworkNodeFixture>
{
    public const string Name = "network-node";
}
