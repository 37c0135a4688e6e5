using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>The public member list through YARP against the same endpoint on the Registry directly.</summary>
public sealed class GatewayProxyScenario : IScenario
{
    const string MembersPath = "/api/registry/members";

    public string Id => "gateway-proxy";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var processes = context.HubProcesses;
        var direct = new HttpTarget(new Uri(context.Hub.Registry, MembersPath));
        var proxied = new HttpTarget(new Uri(context.Hub.Gateway, MembersPath));

        var (directMany, directManyLoad) = await context.MeasureHttpAsync($"direct, {settings.Connections} connections", direct, settings.Saturating, processes, cancellationToken);
        var (proxiedMany, proxiedManyLoad) = await context.MeasureHttpAsync($"gateway, {settings.Connections} connections", proxied, settings.Saturating, processes, cancellationToken);
        var (directOne, directOneLoad) = await context.MeasureHttpAsync("direct, 1 connection", direct, settings.Sequential, processes, cancellationToken);
        var (proxiedOne, proxiedOneLoad) = await context.MeasureHttpAsync("gateway, 1 connection", proxied, settings.Sequential, processes, cancellationToken);

        IReadOnlyList<Check> checks =
        [
            new("throughput through the gateway / direct", Check.Ratio(proxiedManyLoad.Throughput, directManyLoad.Throughput), "", GoalDirection.AtLeast, 0.55),
            new("p50 latency the gateway adds (1 connection)", proxiedOneLoad.Latency.P50 - directOneLoad.Latency.P50, "ms", GoalDirection.Under, 0.3),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes,
            () => context.Http.RunAsync(proxied, settings.Saturating, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Gateway: public GET through YARP", "the same endpoint called directly")
        {
            Measurements = [directMany, proxiedMany, directOne, proxiedOne],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`GET {MembersPath}` (first page of the demo register, anonymous), load from {context.Http.Name}.",
                "The gateway runs as configured (token validation, per-client rate limit, tracing without exporter) with the permit limit raised so that the load is not rejected.",
                "Gateway, Registry and load generator share the machine's cores; the CPU columns show who used them.",
            ],
        };
    }
}
