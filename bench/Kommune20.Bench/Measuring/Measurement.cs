namespace Kommune20.Bench.Measuring;

/// <summary>
/// One measured side of a scenario (the baseline or the subject): throughput where it applies, latency percentiles
/// in milliseconds, resident memory in MB where it was the figure, and the CPU share of each process during the run.
/// </summary>
public sealed record Measurement(string Label)
{
    public double? Throughput { get; init; }
    public string ThroughputUnit { get; init; } = "req/s";
    public Percentiles? Latency { get; init; }
    public double? ResidentMb { get; init; }
    public long Errors { get; init; }

    /// <summary>Percent of one core per process (200 % = both cores of a 2-core machine).</summary>
    public IReadOnlyDictionary<string, double> CpuPercent { get; init; } = new Dictionary<string, double>();

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
