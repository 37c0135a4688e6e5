namespace Kommune20.Bench.Measuring;

/// <summary>What a scenario reports: its measurements, its goals as checks, notes, and a profile where a goal was missed.</summary>
public sealed record ScenarioResult(string Id, string Title, string Baseline)
{
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];
    public IReadOnlyList<Check> Checks { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public Profile? Profile { get; init; }
}

/// <summary>Runtime counters (dotnet-counters) of the processes involved, captured during a rerun of a missed goal's load.</summary>
public sealed record Profile(string Tool, IReadOnlyList<CounterFigure> Counters);

/// <summary>One counter of one process over the profiled run.</summary>
public sealed record CounterFigure(string Process, string Counter, double Mean, double Max);
