using System.Globalization;
using Kommune20.EndToEnd.Tests.Observability;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>
/// The hub with demo data whose gateway, Registry, Federation, library and Notifications export their spans to a test
/// <see cref="OtlpReceiver"/> and write JSON logs; the gateway serves its own metrics on a port of their own
/// (<see cref="GatewayMetrics"/>), as a deployment configures it.
/// </summary>
public sealed class ObservedHub : IAsyncLifetime
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

/// <summary>
/// One hub for the classes whose tests each make their own data (a member, a practice under a marker of its own, the
/// demo's live room) and count nothing the others change: a hub's start is most of such a class's time. A class that
/// counts the demo register's members or the assemblies (the assembly, the OParl walk), stops a process or needs other
/// settings keeps a hub of its own (<c>IClassFixture&lt;HubFixture&gt;</c> or a fixture of its own). The observability
/// tests read this hub's spans, metrics and JSON logs, which the others' traffic only adds to.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedHub : ICollectionFixture<ObservedHub>
{
    public const string Name = "shared hub";
}
