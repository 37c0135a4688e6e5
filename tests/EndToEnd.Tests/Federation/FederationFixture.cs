using System.Globalization;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// The hub (Registry, Federation, portal, gateway) with three city nodes as real processes and no demo data, so each
/// test sees exactly the changes it makes. One node per city: the hub keeps one cursor per city and deliverer. Federation's
/// limits are small and short here, so that the tests reach them quickly and they pass within a test.
/// </summary>
public sealed class FederationFixture : IAsyncLifetime
{
    /// <summary>The token Pforzheim's Dapr sidecar would present to its node.</summary>
    public string DaprAppToken { get; } = Guid.NewGuid().ToString("N");

    public Hub Hub { get; private set; } = null!;
    public ServiceProcess Heidelberg { get; private set; } = null!;
    public ServiceProcess Pforzheim { get; private set; } = null!;
    public ServiceProcess Heilbronn { get; set; } = null!;

    public const int MaxBatchesPerStream = 5;
    public const int MaxRefusedPerWindow = 50;
    public static readonly TimeSpan BlockFor = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan ConsentCache = TimeSpan.FromSeconds(1);

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(new HubOptions
        {
            FederationSettings = new Dictionary<string, string>
            {
                ["Federation__Limits__MaxBatchesPerStream"] = MaxBatchesPerStream.ToString(CultureInfo.InvariantCulture),
                ["Federation__Limits__MaxRefusedPerWindow"] = MaxRefusedPerWindow.ToString(CultureInfo.InvariantCulture),
                ["Federation__Limits__BlockFor"] = BlockFor.ToString("c", CultureInfo.InvariantCulture),
                ["Federation__Limits__ConsentCache"] = ConsentCache.ToString("c", CultureInfo.InvariantCulture),
            },
        });
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
