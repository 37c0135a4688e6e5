using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Telemetry;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// What token validation, the rate limit and tracing cost: two further gateways before the same Registry, one with
/// all three on (the route demands a token, its telemetry exported over OTLP to a local sink), one with all off, both
/// forwarding the identical request.
/// </summary>
public sealed class GatewayFeaturesScenario : IScenario
{
    const string RoutePath = "/bench/members";

    /// <summary>A little longer than the exporter's batch delay (5 s by default), so that the last runs' spans have arrived.</summary>
    static readonly TimeSpan LastExport = TimeSpan.FromSeconds(6);

    public string Id => "gateway-features";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        await using var sink = await OtlpSink.StartAsync();
        var fullSettings = new Dictionary<string, string>(BenchRoute("authenticated").Concat(sink.ExporterSettings))
        {
            ["RateLimiting__PermitLimit"] = "1000000000",
        };
        var full = await context.Hub.StartGatewayAsync("gateway-full", fullSettings);
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
        await Task.Delay(LastExport, cancellationToken);
        var (spans, exports) = (sink.Spans, sink.Exports);
        Console.WriteLine($"    OTLP sink: {spans:N0} spans in {exports:N0} exports");

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
                "On: the route demands an authenticated caller (a city node's client-credentials token, the same on every request, so the gateway's `CachingTokenHandler` checks its signature once and remembers it), the per-client fixed window (limit raised out of reach, so it is counted, not hit) and tracing with a real exporter: "
                + "`OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf` point the gateway's OpenTelemetry (ServiceDefaults) at a local OTLP/HTTP sink in the bench process, which accepts traces, metrics and logs as a collector would and counts the spans "
                + $"(`OtlpSink`): {spans:N0} spans in {exports:N0} exports over the on-runs, their warm-ups included ({pairs.Sum(p => p.Subject.Load.Operations):N0} requests measured).",
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
