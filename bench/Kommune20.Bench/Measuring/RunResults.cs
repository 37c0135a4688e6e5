namespace Kommune20.Bench.Measuring;

/// <summary>A whole benchmark run as written to bench/results/&lt;date&gt;.json.</summary>
public sealed record RunResults(DateTimeOffset StartedAt, string Mode, Machine Machine)
{
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<ScenarioResult> Scenarios { get; init; } = [];
    public IReadOnlyList<string> Caveats { get; init; } = [];
}

/// <summary>The machine the figures came from; the load average shows how busy it was with other work.</summary>
public sealed record Machine(int Cores, string CpuModel, long MemoryMb, string OperatingSystem, string Runtime)
{
    public double LoadAverageBefore { get; init; }
    public double LoadAverageAfter { get; init; }
}
