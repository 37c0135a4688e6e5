namespace Kommune20.Bench.Measuring;

/// <summary>Latency percentiles in milliseconds, by the nearest-rank method (the sample at rank ⌈p·n⌉ of the sorted samples).</summary>
public sealed record Percentiles(double P50, double P90, double P99)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
            throw new ArgumentException("No samples to take percentiles of.", nameof(samples));
        var sorted = samples.Order().ToArray();
        return new Percentiles(Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99));
    }

    public static double Rank(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
