using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// The member directory and the network graph once every German municipality is a member: the first page of the
/// member list and the association's members through its networks, through the gateway, against the portal's stylesheet
/// through the same gateway, in alternating pairs. Runs after the fleet, whose 10,800 municipalities it finds registered.
/// </summary>
public sealed class MembersScenario : IScenario
{
    const double P99LimitMs = 20;
    const int RegistrationParallelism = 8;

    /// <summary>Kommune 2.0 e. V., the association at the root of the network of networks (the Registry's demo data).</summary>
    const string Association = "6b0e2f1a-0001-4c20-9a20-000000000001";

    public string Id => "members";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var settings = context.Settings;
        var registering = await RegisterUnlessHeldAsync(context, cancellationToken);
        // The fleet before it leaves Federation's outbox publishing its events for minutes; the member list is measured
        // once the hub has drained them.
        var settled = await context.SettleAsync(settings.DrainLongest, cancellationToken);
        var members = await CountAsync(hub.Gateway, "/api/registry/members?pageSize=1", cancellationToken);
        (string Name, string Path)[] reads =
        [
            ("member list", "/api/registry/members"),
            ("network graph", $"/api/registry/members/{Association}/members?transitive=true"),
        ];
        var processes = new Dictionary<string, int> { ["gateway"] = hub.Process("gateway").Id, ["registry"] = hub.Process("registry").Id };

        var measured = await GatewayReads.MeasureAsync(context, reads, name => $"p99 of the {name} at {members:N0} members (one client)", P99LimitMs, processes, cancellationToken);
        var profile = await context.ProfileIfMissedAsync(Id, measured.Checks, processes,
            () => context.Http.RunAsync(measured.Slowest, settings.Sequential, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Registry: member list and network graph at 10,800 members", "the portal's stylesheet through the same gateway")
        {
            Measurements = measured.Measurements,
            Checks = measured.Checks,
            Profile = profile,
            Notes =
            [
                $"The Registry held {members:N0} members: the demo's and the fleet's {settings.FleetCities:N0} simulated municipalities ({registering}), with the members other scenarios registered before. The hub settled for {settled.TotalSeconds:0} s before the measurement (at most {settings.DrainLongest.TotalMinutes:0} min, until every process used under a tenth of a core: after the fleet, Federation's outbox publishes its events for minutes).",
                $"Member list: `GET {reads[0].Path}`, the first page in the directory's order (name), with the total. Network graph: `GET {reads[1].Path}`, everyone who belongs to the association through its networks, transitively (the Registry loads the membership graph and walks it). The simulated municipalities belong to no network, so the graph holds the demo's memberships and those other scenarios added (the network relay's).",
                $"Through the gateway, anonymous, one request at a time over one connection (load from {context.Http.Name}); baseline `GET {PortalPagesScenario.StaticPath}`, a static file, through the same gateway. Reads and stylesheet in turns, {settings.Pairs} pair(s); each goal is the median p99 of its pairs, inconclusive where the pairs spread wider than it lies from the goal, and any failed request misses it.",
            ],
        };
    }

    /// <summary>Registers the fleet's municipalities the way the fleet does, unless the Registry holds them already (after the fleet ran).</summary>
    static async Task<string> RegisterUnlessHeldAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var cities = SimulatedMunicipalities.First(context.Settings.FleetCities);
        if (await CountAsync(hub.Gateway, $"/api/registry/members?ags={cities[^1].Ags}", cancellationToken) > 0)
            return "registered by the fleet";
        var office = hub.Credentials.ClientNamed("office-integration");
        var started = Stopwatch.StartNew();
        await CityRegistration.RegisterAsync(hub.Registry, await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret), cities,
            RegistrationParallelism, cancellationToken);
        Console.WriteLine($"    {cities.Count:N0} municipalities registered in {started.Elapsed.TotalSeconds:0} s");
        return $"registered here as the fleet registers them, in {started.Elapsed.TotalSeconds:0} s";
    }

    static async Task<int> CountAsync(Uri gateway, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        return (await http.GetFromJsonAsync<JsonElement>(path, cancellationToken)).GetProperty("total").GetInt32();
    }
}
