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
        var members = await CountAsync(hub.Gateway, "/api/registry/members?pageSize=1", cancellationToken);
        (string Name, string Path)[] reads =
        [
            ("member list", "/api/registry/members"),
            ("network graph", $"/api/registry/members/{Association}/members?transitive=true"),
        ];
        var processes = new Dictionary<string, int> { ["gateway"] = hub.Process("gateway").Id, ["registry"] = hub.Process("registry").Id };
        HttpTarget Target(string path) => new(new Uri(hub.Gateway, path));

        var pairs = await AlternatingPairs.RunAsync<IReadOnlyList<(Measurement Measurement, LoadResult Load)>, IReadOnlyList<(Measurement Measurement, LoadResult Load)>>(settings.Pairs,
            async pair =>
            {
                var measured = new List<(Measurement Measurement, LoadResult Load)>();
                foreach (var (name, path) in reads)
                    measured.Add(await context.MeasureHttpAsync($"{name} (pair {pair + 1})", Target(path), settings.Sequential, processes, cancellationToken));
                return measured;
            },
            async pair =>
                [await context.MeasureHttpAsync($"stylesheet (pair {pair + 1})", Target(PortalPagesScenario.StaticPath), settings.Sequential, processes, cancellationToken)]);

        var baselineErrors = pairs.Sum(p => p.Baseline[0].Load.Errors);
        IReadOnlyList<Check> checks =
        [
            .. reads.Select((read, i) => Check.OfPairs($"p99 of the {read.Name} at {members:N0} members (one client)",
                [.. pairs.Select(p => p.Subject[i].Load.Latency.P99)], "ms", GoalDirection.Under, P99LimitMs,
                pairs.Sum(p => p.Subject[i].Load.Errors) + baselineErrors)),
        ];
        var slowest = reads[checks.Select((check, i) => (check.Value, i)).Max().i];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes,
            () => context.Http.RunAsync(Target(slowest.Path), settings.Sequential, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Registry: member list and network graph at 10,800 members", "the portal's stylesheet through the same gateway")
        {
            Measurements = [.. pairs.SelectMany(p => p.Subject.Append(p.Baseline[0]).Select(m => m.Measurement))],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"The Registry held {members:N0} members: the demo's and the fleet's {settings.FleetCities:N0} simulated municipalities ({registering}), with the members other scenarios registered before.",
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
