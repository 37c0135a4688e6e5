using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// The public member list through YARP against the same endpoint on the Registry directly, in alternating pairs: a
/// gateway of its own with the rate limit as shipped, and the load from as many visitors' addresses as keep each one
/// under its limit (an anonymous caller is counted by its address), the same load directly.
/// </summary>
public sealed class GatewayProxyScenario : IScenario
{
    const string MembersPath = "/api/registry/members";

    /// <summary>Whose CPU a request costs: through the gateway the gateway's and the Registry's, directly the Registry's.</summary>
    static readonly string[] Proxied = ["gateway", "registry"], Direct = ["registry"];

    public string Id => "gateway-proxy";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var limit = GatewayRateLimit.AsShipped;
        var visitors = new SpreadHttpLoad(limit.PartitionsFor());
        var gateway = await context.Hub.StartGatewayAsync("gateway-shipped", new Dictionary<string, string>());
        var processes = new Dictionary<string, int> { ["registry"] = context.HubProcesses["registry"], ["gateway"] = gateway.Id };
        var direct = new HttpTarget(new Uri(context.Hub.Registry, MembersPath));
        var proxied = new HttpTarget(new Uri(gateway.BaseAddress, MembersPath));
        // The gateway has just started while the Registry has served since the hub started: one unmeasured run brings it level.
        await visitors.RunAsync(proxied, settings.Saturating, cancellationToken);

        var many = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => context.MeasureHttpAsync($"gateway, {settings.Connections} at once (pair {pair + 1})", proxied, settings.Saturating, processes, cancellationToken, Proxied, visitors),
            pair => context.MeasureHttpAsync($"direct, {settings.Connections} at once (pair {pair + 1})", direct, settings.Saturating, processes, cancellationToken, Direct, visitors));
        var one = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => context.MeasureHttpAsync($"gateway, 1 at a time (pair {pair + 1})", proxied, settings.Sequential, processes, cancellationToken, Proxied, visitors),
            pair => context.MeasureHttpAsync($"direct, 1 at a time (pair {pair + 1})", direct, settings.Sequential, processes, cancellationToken, Direct, visitors));

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("throughput through the gateway / direct", [.. many.Select(p => Check.Ratio(p.Subject.Load.Throughput, p.Baseline.Load.Throughput))],
                "", GoalDirection.AtLeast, 0.55, Errors(many)),
            Check.OfPairs("p50 latency the gateway adds (1 request at a time)", [.. one.Select(p => p.Subject.Load.Latency.P50 - p.Baseline.Load.Latency.P50)],
                "ms", GoalDirection.Under, 0.3, Errors(one)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes,
            () => visitors.RunAsync(proxied, settings.Saturating, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Gateway: public GET through YARP", "the same endpoint called directly")
        {
            Measurements = [.. many.Concat(one).SelectMany(p => new[] { p.Baseline.Measurement, p.Subject.Measurement })],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`GET {MembersPath}` (first page of the demo register, anonymous), load from {visitors.Name}.",
                $"The gateway is one of its own, started as it ships (token validation, the per-client rate limit of gateway/appsettings.json: {limit}, tracing without exporter). "
                + $"An anonymous caller's partition is its remote address, so each request comes from the next of {visitors.Sources:N0} loopback addresses (127.1.0.1 onwards, each with its own connection): "
                + $"{visitors.Sources:N0} partitions admit {Figures.Format(limit.Capacity(visitors.Sources))} requests a second, twice the {Figures.Format(GatewayRateLimit.CeilingPerSecond)} this machine cannot reach. A refusal would count as an error.",
                "The same load, from the same addresses, goes to the Registry directly. The gateway, started for this scenario, first gets one unmeasured run of the load.",
                $"Gateway and direct in turns, {settings.Pairs} pair(s) with {settings.Connections} requests at once, then as many one at a time: each goal is the median of its pairs; "
                + "where the pairs spread wider than the median lies from the goal the verdict is inconclusive, and any failed request misses it.",
                "Gateway, Registry and load generator share the machine's cores; the CPU columns show who used them. Server CPU per request: the gateway's and the Registry's CPU time through the gateway, the Registry's directly.",
            ],
        };
    }

    static long Errors(IEnumerable<((Measurement Measurement, LoadResult Load) Subject, (Measurement Measurement, LoadResult Load) Baseline)> pairs) =>
        pairs.Sum(p => p.Subject.Load.Errors + p.Baseline.Load.Errors);
}
