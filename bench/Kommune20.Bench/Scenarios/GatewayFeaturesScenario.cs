using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// What token validation, the rate limit and tracing cost: two further gateways before the same Registry, one with
/// all three on (the route demands a token), one with all off, both forwarding the identical request.
/// </summary>
public sealed class GatewayFeaturesScenario : IScenario
{
    const string RoutePath = "/bench/members";

    public string Id => "gateway-features";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var full = await context.Hub.StartGatewayAsync("gateway-full", new Dictionary<string, string>(BenchRoute("authenticated"))
        {
            ["RateLimiting__PermitLimit"] = "1000000000",
        });
        var bare = await context.Hub.StartGatewayAsync("gateway-bare", new Dictionary<string, string>(BenchRoute("anonymous"))
        {
            ["RateLimiting__Enabled"] = "false",
            ["Telemetry__Tracing"] = "false",
        });
        var registry = context.HubProcesses["registry"];
        var fullProcesses = new Dictionary<string, int> { ["registry"] = registry, ["gateway"] = full.Id };
        var bareProcesses = new Dictionary<string, int> { ["registry"] = registry, ["gateway"] = bare.Id };
        var token = await context.CityNodeTokenAsync();
        var fullTarget = new HttpTarget(new Uri(full.BaseAddress, RoutePath), token);
        var bareTarget = new HttpTarget(new Uri(bare.BaseAddress, RoutePath));

        var pairs = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => context.MeasureHttpAsync($"token, rate limit, tracing on (pair {pair + 1})", fullTarget, settings.Saturating, fullProcesses, cancellationToken),
            pair => context.MeasureHttpAsync($"all off (pair {pair + 1})", bareTarget, settings.Saturating, bareProcesses, cancellationToken));

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("throughput with all on / all off", [.. pairs.Select(p => Check.Ratio(p.Subject.Load.Throughput, p.Baseline.Load.Throughput))],
                "", GoalDirection.AtLeast, 0.8, pairs.Sum(p => p.Subject.Load.Errors + p.Baseline.Load.Errors)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, fullProcesses,
            () => context.Http.RunAsync(fullTarget, settings.Saturating, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Gateway: token validation, rate limiting and tracing", "the same gateway with all three off")
        {
            Measurements = [.. pairs.SelectMany(p => new[] { p.Baseline.Measurement, p.Subject.Measurement })],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`GET {RoutePath}` on each gateway is routed to the Registry's member list; both remove the Authorization header before forwarding, so the Registry does the same work for both.",
                "On: the route demands an authenticated caller (a city node's client-credentials token, validated on every request), the per-client fixed window (limit raised out of reach, so it is counted, not hit) and tracing without exporter.",
                $"Off: `RateLimiting:Enabled=false`, `Telemetry:Tracing=false`, an anonymous route and no token. {settings.Connections} connections from {context.Http.Name}.",
                $"On and off in turns, {settings.Pairs} pair(s): the goal is the median of the pairs' ratios; where they spread wider than the median lies from the goal the verdict is inconclusive, and any failed request (a rejection by the rate limit included) misses it. Server CPU per request: the gateway's and the Registry's CPU time.",
            ],
        };
    }

    static Dictionary<string, string> BenchRoute(string policy) => new()
    {
        ["ReverseProxy__Routes__bench-members__ClusterId"] = "registry",
        ["ReverseProxy__Routes__bench-members__AuthorizationPolicy"] = policy,
        ["ReverseProxy__Routes__bench-members__Match__Path"] = RoutePath,
        ["ReverseProxy__Routes__bench-members__Transforms__0__PathSet"] = "/api/registry/members",
        ["ReverseProxy__Routes__bench-members__Transforms__1__RequestHeaderRemove"] = "Authorization",
    };
}
