using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>
/// The whole hub with its demo data and Heidelberg's node with its demo records (the Digitallotsen, its profile, its
/// event), whose pages sign people in as their own web client (node-heidelberg-web), as the launcher registers them from
/// deploy/topology.json; and the Metropolregion Rhein-Neckar's network node (client relay-metropolregion, network mode,
/// no demo records), which learns Weinheim's and Schwetzingen's consent from the Registry's seed.
/// </summary>
public sealed class HubWithHeidelberg : IAsyncLifetime
{
    public const string Name = "hub with Heidelberg";

    public Uri HeidelbergAddress { get; } = new($"http://127.0.0.1:{FreePorts.Next()}/");
    public Hub Hub { get; private set; } = null!;
    public ServiceProcess Heidelberg { get; private set; } = null!;
    public ServiceProcess Metropolregion { get; private set; } = null!;

    public SignIn.WebClient HeidelbergPages => SignIn.NodePages("node-heidelberg", HeidelbergAddress);

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(new HubOptions { RegistrySettings = HeidelbergPages.RegistrySettings(0) });
        Heidelberg = await Hub.StartCityNodeAsync("heidelberg", "node-heidelberg",
            new Dictionary<string, string> { ["Seed__DemoData"] = "true" }, HeidelbergAddress);
        Metropolregion = await Hub.StartNetworkNodeAsync("metropolregion", "relay-metropolregion");
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
            await Hub.DisposeAsync();
    }
}

[CollectionDefinition(HubWithHeidelberg.Name)]
public sealed class HubWithHeidelbergCollection : ICollectionFixture<HubWithHeidelberg>;
