using System.Diagnostics;

namespace Kommune20.Bench.Measuring;

/// <summary>
/// How long the cities of a fleet waited, from the moment they all reconnected until the hub had acknowledged every
/// change of theirs. A city still waiting when the run gave up is starved; a city whose every change the hub rejected
/// has failed: neither is acknowledged, and both stay in the percentiles at the time given up after (a city that never
/// got what it waited for waited at least that long), so that leaving them out cannot make the fleet look faster.
/// The fleet is done when its slowest city is.
/// </summary>
public sealed record CityWaits(int Cities, int Starved, int Failed, double SlowestMs, Percentiles Latency)
{
    public int Acknowledged => Cities - Starved - Failed;

    /// <summary>The share of cities whose changes were all acknowledged: 1 when none starved or failed.</summary>
    public double AcknowledgedShare => Cities == 0 ? 0 : Acknowledged / (double)Cities;

    /// <param name="start">The <see cref="Stopwatch"/> timestamp of the reconnect.</param>
    /// <param name="cities">Per city, when the hub had answered its whole log (null if it never did), and whether it rejected every change.</param>
    /// <param name="giveUpAfter">How long the run waited; the wait counted for a city starved or failed.</param>
    public static CityWaits Of(long start, IReadOnlyCollection<CityOutcome> cities, TimeSpan giveUpAfter)
    {
        if (cities.Count == 0)
            throw new ArgumentException("A fleet needs at least one city.", nameof(cities));
        var waits = cities.Select(city => city is { AnsweredAt: { } at, AllRejected: false }
            ? Stopwatch.GetElapsedTime(start, at).TotalMilliseconds
            : giveUpAfter.TotalMilliseconds).ToList();
        var failed = cities.Count(city => city is { AnsweredAt: not null, AllRejected: true });
        var starved = cities.Count(city => city.AnsweredAt is null);
        return new CityWaits(cities.Count, starved, failed, waits.Max(), Percentiles.Of(waits));
    }
}

/// <summary>What became of one city's log: when the hub had answered all of it, and whether it rejected every change.</summary>
public readonly record struct CityOutcome(long? AnsweredAt, bool AllRejected);
