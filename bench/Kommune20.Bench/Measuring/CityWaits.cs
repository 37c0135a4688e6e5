using System.Diagnostics;

namespace Kommune20.Bench.Measuring;

/// <summary>
/// How long the cities of a fleet waited, from the moment they all reconnected until the hub had acknowledged every
/// change of theirs. A city still waiting when the run gave up is starved; the fleet is done when its slowest city is.
/// </summary>
public sealed record CityWaits(int Cities, int Starved, double SlowestMs, Percentiles Latency)
{
    public int Acknowledged => Cities - Starved;

    /// <summary>The share of cities whose changes were all acknowledged: 1 when none starved.</summary>
    public double AcknowledgedShare => Cities == 0 ? 0 : Acknowledged / (double)Cities;

    /// <param name="start">The <see cref="Stopwatch"/> timestamp of the reconnect.</param>
    /// <param name="caughtUpAt">Per city, the timestamp at which it was acknowledged in full, or null if it never was.</param>
    public static CityWaits Of(long start, IReadOnlyCollection<long?> caughtUpAt)
    {
        var waits = caughtUpAt.OfType<long>().Select(at => Stopwatch.GetElapsedTime(start, at).TotalMilliseconds).ToList();
        if (waits.Count == 0)
            throw new InvalidOperationException("No city was acknowledged.");
        return new CityWaits(caughtUpAt.Count, caughtUpAt.Count - waits.Count, waits.Max(), Percentiles.Of(waits));
    }
}
