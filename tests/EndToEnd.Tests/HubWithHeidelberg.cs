using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>The whole hub with its demo data and Heidelberg's node with its demo records (the Digitallotsen, its profile, its event).</summary>
public sealed class HubWithHeidelberg : IAsyncLifetime
{
    public const string Name = "hub with Heidelberg";

    public Hub Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync();
        await Hub.StartCityNodeAsync("heidelberg", "node-heidelberg", new Dictionary<string, string> { ["Seed__DemoData"] = "true" });
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

[CollectionDefinition(HubWithHeidelberg.Name)]
public sealed class HubWithHeidelbergCollection : ICollectionFixture<HubWithHeidelberg>;
