namespace Kommune20.Bench.Measuring;

public enum GoalDirection
{
    /// <summary>Met when the value is at least the limit (throughput ratios).</summary>
    AtLeast,

    /// <summary>Met when the value stays below the limit (latency, start time, memory).</summary>
    Under,
}

/// <summary>One goal of a scenario and the figure measured for it, usually a ratio against the baseline of the same run.</summary>
public sealed record Check(string Name, double Value, string Unit, GoalDirection Direction, double Limit)
{
    public bool Met => Direction == GoalDirection.AtLeast ? Value >= Limit : Value < Limit;

    public string Goal => (Direction == GoalDirection.AtLeast ? "≥ " : "< ") + Figures.Format(Limit) + Suffix;

    public string Measured => Figures.Format(Value) + Suffix;

    string Suffix => Unit.Length == 0 ? "" : Unit == "x" ? "x" : " " + Unit;

    /// <summary>Subject over baseline: 0.6 means the subject did 60 % of the baseline's work in the same time.</summary>
    public static double Ratio(double subject, double baseline) =>
        baseline > 0 ? subject / baseline : throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "The baseline measured nothing.");
}
