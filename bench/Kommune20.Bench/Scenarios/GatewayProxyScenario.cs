using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>The public member list through YARP against the same endpoint on the Registry directly, in alternating pairs.</summary>
public sealed class GatewayProxyScenario : IScenario
{
    const string MembersPath = "/api/registry/members";

    /// <summary>Whose CPU a request costs: through the gateway the gateway's and the Registry's, directly the Registry's.</summary>
    static readonly string[] Proxied = ["gateway", "registry"], Direct = ["registry"];

    public string Id => "gateway-proxy";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var processes = context.HubProcesses;
        var direct = new HttpTarget(new Uri(context.Hub.Registry, MembersPath));
        var proxied = new HttpTarget(new Uri(context.Hub.Gateway, MembersPath));

        var many = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => context.MeasureHttpAsync($"gateway, {settings.Connections} connections (pair {pair + 1})", proxied, settings.Saturating, processes, cancellationToken, Proxied),
            pair => context.MeasureHttpAsync($"direct, {settings.Connections} connections (pair {pair + 1})", direct, settings.Saturating, processes, cancellationToken, Direct));
        var one = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => context.MeasureHttpAsync($"gateway, 1 connection (pair {pair + 1})", proxied, settings.Sequential, processes, cancellationToken, Proxied),
            pair => context.MeasureHttpAsync($"direct, 1 connection (pair {pair + 1})", direct, settings.Sequential, processes, cancellationToken, Direct));

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("throughput through the gateway / direct", [.. many.Select(p => Check.Ratio(p.Subject.Load.Throughput, p.Baseline.Load.Throughput))],
                "", GoalDirection.AtLeast, 0.55, Errors(many)),
            Check.OfPairs("p50 latency the gateway adds (1 connection)", [.. one.Select(p => p.Subject.Load.Latency.P50 - p.Baseline.Load.Latency.P50)],
                "ms", GoalDirection.Under, 0.3, Errors(one)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes,
            () => context.Http.RunAsync(proxied, settings.Saturating, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Gateway: public GET through YARP", "the same endpoint called directly")
        {
            Measurements = [.. many.Concat(one).SelectMany(p => new[] { p.Baseline.Measurement, p.Subject.Measurement })],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`GET {MembersPath}` (first page of the demo register, anonymous), load from {context.Http.Name}.",
                "The gateway runs as configured (token validation, per-client rate limit, tracing without exporter) with the permit limit raised so that the load is not rejected.",
                $"Gateway and direct in turns, {settings.Pairs} pair(s) with {settings.Connections} connections, then as many with one: each goal is the median of its pairs; "
                + "where the pairs spread wider than the median lies from the goal the verdict is inconclusive, and any failed request misses it.",
                "Gateway, Registry and load generator share the machine's cores; the CPU columns show who used them. Server CPU per request: the gateway's and the Registry's CPU time through the gateway, the Registry's directly.",
            ],
        };
    }

    static long Errors(IEnumerable<((Measurement Measurement, LoadResult Load) Subject, (Measurement Measurement, LoadResult Load) Baseline)> pairs) =>
        pairs.Sum(p => p.Subject.Load.Errors + p.Baseline.Load.Errors);
}
