using System.Globalization;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>
/// The hub with demo data whose gateway, Registry, Federation, library and Notifications export their spans to a test
/// <see cref="OtlpReceiver"/> and write JSON logs; the gateway serves its own metrics on a port of their own
/// (<see cref="GatewayMetrics"/>), as a deployment configures it.
/// </summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    public OtlpReceiver Receiver { get; private set; } = null!;
    public Hub Hub { get; private set; } = null!;
    public Uri GatewayMetrics { get; } = new($"http://127.0.0.1:{FreePorts.Next()}/");

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        var observed = new Dictionary<string, string>(Receiver.ExporterSettings)
        {
            ["Logging__Format"] = "json",
            // The request lines carry the request's trace in their scope.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        var gateway = new Dictionary<string, string>(observed)
        {
            ["Kestrel__Endpoints__Metrics__Url"] = GatewayMetrics.AbsoluteUri.TrimEnd('/'),
            ["Metrics__Port"] = GatewayMetrics.Port.ToString(CultureInfo.InvariantCulture),
        };
        Hub = await Hub.StartAsync(new HubOptions
        {
            GatewaySettings = gateway,
            RegistrySettings = observed,
            FederationSettings = observed,
            LibrarySettings = observed,
            NotificationsSettings = observed,
        });
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
            await Hub.DisposeAsync();
        if (Receiver is not null)
            await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ObservabilityCollection : ICollectionFixture<ObservabilityFixture>
{
    public const string Name = "observability";
}
