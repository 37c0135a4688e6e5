namespace Kommune20.Bench.Measuring;

/// <summary>
/// Subject and baseline measured in turns (A B A B …), so that what changes on the machine during a run (another
/// process, the heap growing, the CPU's clock) weighs on both sides alike instead of on whichever ran later.
/// </summary>
public static class AlternatingPairs
{
    public static async Task<IReadOnlyList<(T Subject, T Baseline)>> RunAsync<T>(int pairs, Func<int, Task<T>> subject, Func<int, Task<T>> baseline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var taken = new List<(T, T)>(pairs);
        for (var pair = 0; pair < pairs; pair++)
        {
            var a = await subject(pair);
            taken.Add((a, await baseline(pair)));
        }
        return taken;
    }
}
