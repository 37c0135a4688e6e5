namespace Kommune20.Bench.Measuring;

public enum GoalDirection
{
    /// <summary>Met when the value is at least the limit (throughput ratios).</summary>
    AtLeast,

    /// <summary>Met when the value stays below the limit (latency, start time, memory).</summary>
    Under,
}

public enum Verdict
{
    Met,
    Missed,

    /// <summary>The repeated measurements spread wider than their median lies from the goal: they cannot say which side it is on.</summary>
    Inconclusive,
}

/// <summary>
/// One goal of a scenario and the figure measured for it, usually a ratio against the baseline of the same run. Where
/// the figure comes from pairs of subject and baseline taken in turns (<see cref="OfPairs"/>), or from repeated runs
/// against an absolute goal (<see cref="OfRuns"/>), it is their median, and their spread decides whether the verdict
/// can be trusted; a goal whose measurements had errors is missed.
/// </summary>
public sealed record Check(string Name, double Value, string Unit, GoalDirection Direction, double Limit)
{
    /// <summary>The figure of each pair, in the order taken; empty for a figure measured once.</summary>
    public IReadOnlyList<double> Samples { get; init; } = [];

    /// <summary>What a sample is: a pair of subject and baseline, or a run against an absolute goal.</summary>
    public string SampleKind { get; init; } = Pairs;

    /// <summary>Failed requests or calls behind the figure, subject and baseline together.</summary>
    public long Errors { get; init; }

    /// <summary>From the smallest to the largest sample; 0 for a figure measured once.</summary>
    public double Spread => Samples.Count < 2 ? 0 : Samples.Max() - Samples.Min();

    public Verdict Verdict =>
        Errors > 0 ? Verdict.Missed
        : Spread > Math.Abs(Value - Limit) ? Verdict.Inconclusive
        : (Direction == GoalDirection.AtLeast ? Value >= Limit : Value < Limit) ? Verdict.Met
        : Verdict.Missed;

    public bool Met => Verdict == Verdict.Met;

    public string Goal => (Direction == GoalDirection.AtLeast ? "≥ " : "< ") + Figures.Format(Limit) + Suffix;

    public string Measured => Figures.Format(Value) + Suffix
        + (Samples.Count < 2 ? "" : $" (median of {Samples.Count} {SampleKind}, {Figures.Format(Samples.Min())}–{Figures.Format(Samples.Max())})")
        + (Errors > 0 ? $", {Errors} errors" : "");

    public string Outcome => Verdict switch
    {
        Verdict.Met => "met",
        Verdict.Inconclusive => "*inconclusive*",
        _ => "**missed**",
    };

    /// <summary>Equal when the figures are, the samples compared by value (a results file read back holds other lists).</summary>
    public bool Equals(Check? other) =>
        other is not null
        && (Name, Value, Unit, Direction, Limit, Errors, SampleKind) == (other.Name, other.Value, other.Unit, other.Direction, other.Limit, other.Errors, other.SampleKind)
        && Samples.SequenceEqual(other.Samples);

    public override int GetHashCode() => HashCode.Combine(Name, Value, Unit, Direction, Limit, Errors, Samples.Count);

    const string Pairs = "pairs";
    const string Runs = "runs";

    string Suffix => Unit.Length == 0 ? "" : Unit == "x" ? "x" : " " + Unit;

    /// <summary>A goal over the figures of pairs taken in turns: the median decides, unless the pairs spread too wide.</summary>
    public static Check OfPairs(string name, IReadOnlyList<double> samples, string unit, GoalDirection direction, double limit, long errors = 0) =>
        new(name, Median(samples), unit, direction, limit) { Samples = samples, Errors = errors };

    /// <summary>A goal without a baseline over repeated runs (each a sample): the median decides, unless the runs spread too wide.</summary>
    public static Check OfRuns(string name, IReadOnlyList<double> samples, string unit, GoalDirection direction, double limit, long errors = 0) =>
        OfPairs(name, samples, unit, direction, limit, errors) with { SampleKind = Runs };

    /// <summary>Subject over baseline: 0.6 means the subject did 60 % of the baseline's work in the same time.</summary>
    public static double Ratio(double subject, double baseline) =>
        baseline > 0 ? subject / baseline : throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "The baseline measured nothing.");

    static double Median(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
            throw new ArgumentException("A goal needs at least one measured pair.", nameof(samples));
        var sorted = samples.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
