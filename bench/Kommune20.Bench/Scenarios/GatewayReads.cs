using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Reads through the gateway, one request at a time, against the portal's stylesheet through the same gateway, in
/// alternating pairs (portal-pages and members): each read's goal is the median p99 of its pairs, and a failed request
/// on either side misses it.
/// </summary>
internal sealed record GatewayReads(IReadOnlyList<Measurement> Measurements, IReadOnlyList<Check> Checks, HttpTarget Slowest)
{
    public static async Task<GatewayReads> MeasureAsync(BenchContext context, IReadOnlyList<(string Name, string Path)> reads,
        Func<string, string> goal, double p99LimitMs, IReadOnlyDictionary<string, int> processes, CancellationToken cancellationToken)
    {
        var shape = context.Settings.Sequential;
        HttpTarget Target(string path) => new(new Uri(context.Hub.Gateway, path));

        var pairs = await AlternatingPairs.RunAsync(context.Settings.Pairs,
            async pair =>
            {
                var measured = new List<(Measurement Measurement, LoadResult Load)>();
                foreach (var (name, path) in reads)
                    measured.Add(await context.MeasureHttpAsync($"{name} (pair {pair + 1})", Target(path), shape, processes, cancellationToken));
                return measured;
            },
            pair => context.MeasureHttpAsync($"stylesheet (pair {pair + 1})", Target(PortalPagesScenario.StaticPath), shape, processes, cancellationToken));

        var baselineErrors = pairs.Sum(p => p.Baseline.Load.Errors);
        IReadOnlyList<Check> checks =
        [
            .. reads.Select((read, i) => Check.OfPairs(goal(read.Name), [.. pairs.Select(p => p.Subject[i].Load.Latency.P99)], "ms",
                GoalDirection.Under, p99LimitMs, pairs.Sum(p => p.Subject[i].Load.Errors) + baselineErrors)),
        ];
        var slowest = reads[checks.Select((check, i) => (check.Value, i)).Max().i];
        return new GatewayReads([.. pairs.SelectMany(p => p.Subject.Append(p.Baseline).Select(m => m.Measurement))], checks, Target(slowest.Path));
    }
}
