using System.Diagnostics;

namespace Kommune20.Bench.Measuring;

/// <summary>
/// How fresh the library's search is: per edit, from the instant it was made at its node until a search first found it.
/// An edit not found when the round gave up counts with how long it had waited by then, so it stays in the percentiles
/// (a lower bound of its real wait) and misses the goal as an error.
/// </summary>
public sealed record Freshness(int Edits, int Missed, Percentiles Latency)
{
    /// <param name="edits">Per edit, the <see cref="Stopwatch"/> timestamps at which it was made and first found (null: never).</param>
    /// <param name="gaveUpAt">The timestamp at which the round stopped looking.</param>
    public static Freshness Of(IReadOnlyCollection<(long EditedAt, long? FoundAt)> edits, long gaveUpAt)
    {
        var waits = edits.Select(edit => Stopwatch.GetElapsedTime(edit.EditedAt, edit.FoundAt ?? gaveUpAt).TotalMilliseconds).ToList();
        return new Freshness(edits.Count, edits.Count(edit => edit.FoundAt is null), Percentiles.Of(waits));
    }
}
