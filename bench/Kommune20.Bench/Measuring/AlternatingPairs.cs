namespace Kommune20.Bench.Measuring;

/// <summary>
/// Subject and baseline measured in turns (A B A B …), so that what changes on the machine during a run (another
/// process, the heap growing, the CPU's clock) weighs on both sides alike instead of on whichever ran later.
/// </summary>
public static class AlternatingPairs
{
    /// <summary>Subject, then baseline, <paramref name="pairs"/> times; a side may measure more than one thing (a tuple).</summary>
    public static async Task<IReadOnlyList<(TSubject Subject, TBaseline Baseline)>> RunAsync<TSubject, TBaseline>(int pairs,
        Func<int, Task<TSubject>> subject, Func<int, Task<TBaseline>> baseline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var taken = new List<(TSubject, TBaseline)>(pairs);
        for (var pair = 0; pair < pairs; pair++)
        {
            var a = await subject(pair);
            taken.Add((a, await baseline(pair)));
        }
        return taken;
    }
}
