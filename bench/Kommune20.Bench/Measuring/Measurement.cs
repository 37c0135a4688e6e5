namespace Kommune20.Bench.Measuring;

/// <summary>
/// One measured side of a scenario (the baseline or the subject): throughput where it applies, latency percentiles
/// in milliseconds, resident memory in MB where it was the figure (with its proportional share where measured), and the CPU share of each process during the run.
/// </summary>
public sealed record Measurement(string Label)
{
    public double? Throughput { get; init; }
    public string ThroughputUnit { get; init; } = "req/s";
    public Percentiles? Latency { get; init; }
    public double? ResidentMb { get; init; }

    /// <summary>The proportional set size in MB beside <see cref="ResidentMb"/>: shared pages counted by their share.</summary>
    public double? ProportionalMb { get; init; }
    public long Errors { get; init; }

    /// <summary>Percent of one core per process (200 % = both cores of a 2-core machine).</summary>
    public IReadOnlyDictionary<string, double> CpuPercent { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The CPU time of the processes that serve this side (not the load generator), in milliseconds per request or call:
    /// what an operation costs, which throughput alone hides when the sides share the machine's cores. Null where
    /// nothing was served (every request failed), which the errors report.
    /// </summary>
    public double? ServerCpuMs { get; init; }

    /// <summary>This measurement with <see cref="ServerCpuMs"/> summed over <paramref name="servers"/> (each must have been watched).</summary>
    public Measurement WithServerCpu(params IReadOnlyCollection<string> servers) =>
        this with
        {
            ServerCpuMs = Throughput is > 0 and var throughput ? servers.Sum(server => CpuPercent[server]) / 100 * 1000 / throughput : null,
        };

    public static Measurement Of(string label, LoadResult load, string unit = "req/s", IReadOnlyDictionary<string, double>? cpu = null) =>
        new(label)
        {
            Throughput = load.Throughput,
            ThroughputUnit = unit,
            Latency = load.Latency,
            Errors = load.Errors,
            CpuPercent = cpu ?? new Dictionary<string, double>(),
        };
}
