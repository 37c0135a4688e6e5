using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// The hub (Registry, Federation, portal, gateway) with three city nodes as real processes and no demo data, so each
/// test sees exactly the changes it makes. One node per city: the hub keeps one cursor per city and deliverer.
/// </summary>
public sealed class FederationFixture : IAsyncLifetime
{
    /// <summary>The token Pforzheim's Dapr sidecar would present to its node.</summary>
    public string DaprAppToken { get; } = Guid.NewGuid().ToString("N");

    public Hub Hub { get; private set; } = null!;
    public ServiceProcess Heidelberg { get; private set; } = null!;
    public ServiceProcess Pforzheim { get; private set; } = null!;
    public ServiceProcess Heilbronn { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync();
        Heidelberg = await Hub.StartCityNodeAsync("heidelberg", "node-heidelberg");
        Pforzheim = await Hub.StartCityNodeAsync("pforzheim", "node-pforzheim", new Dictionary<string, string> { ["APP_API_TOKEN"] = DaprAppToken });
        Heilbronn = await Hub.StartCityNodeAsync("heilbronn", "node-heilbronn");
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
            await Hub.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FederationCollection : ICollectionFixture<FederationFixture>
{
    public const string Name = "federation";
}
