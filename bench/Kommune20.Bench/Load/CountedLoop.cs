using System.Diagnostics;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>
/// A closed loop over a fixed number of operations, each done exactly once (where each needs something used only once,
/// such as a fresh token): <c>concurrency</c> workers take the next index until none is left. The first
/// <c>warmup</c> operations are not measured; the throughput is the measured operations over the time from the first
/// measured one's start to the last one's end. Operations that throw count as errors.
/// </summary>
public static class CountedLoop
{
    public static async Task<LoadResult> RunAsync(int operations, int warmup, int concurrency, Func<int, CancellationToken, Task> operation,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(warmup, operations);
        var next = -1;
        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => WorkAsync(), cancellationToken))
            .ToList();
        var outcomes = await Task.WhenAll(workers);

        var latencies = outcomes.SelectMany(outcome => outcome.Latencies).ToList();
        var errors = outcomes.Sum(outcome => outcome.Errors);
        if (latencies.Count == 0)
            throw new InvalidOperationException($"None of {operations - warmup} operations succeeded ({errors} errors).");
        var first = outcomes.Where(outcome => outcome.Measured).Min(outcome => outcome.FirstStart);
        var last = outcomes.Where(outcome => outcome.Measured).Max(outcome => outcome.LastEnd);
        return new LoadResult(latencies.Count, errors, (last - first) / (double)Stopwatch.Frequency, Percentiles.Of(latencies));

        async Task<Outcome> WorkAsync()
        {
            var outcome = new Outcome();
            for (var index = Interlocked.Increment(ref next); index < operations; index = Interlocked.Increment(ref next))
            {
                var began = Stopwatch.GetTimestamp();
                var failed = false;
                try
                {
                    await operation(index, cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failed = true;
                }

                if (index < warmup)
                    continue;
                var ended = Stopwatch.GetTimestamp();
                outcome.FirstStart = outcome.Measured ? Math.Min(outcome.FirstStart, began) : began;
                outcome.LastEnd = Math.Max(outcome.LastEnd, ended);
                outcome.Measured = true;
                if (failed)
                    outcome.Errors++;
                else
                    outcome.Latencies.Add(Stopwatch.GetElapsedTime(began, ended).TotalMilliseconds);
            }
            return outcome;
        }
    }

    sealed class Outcome
    {
        public List<double> Latencies { get; } = [];
        public long Errors { get; set; }
        public bool Measured { get; set; }
        public long FirstStart { get; set; }
        public long LastEnd { get; set; }
    }
}
