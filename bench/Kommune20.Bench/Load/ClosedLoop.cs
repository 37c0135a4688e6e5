using System.Diagnostics;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>
/// In-process load: a fixed number of workers, each starting its next operation when the last one finished, for a
/// bounded time. Operations that throw count as errors; the first warm-up operation must succeed, so a misconfigured
/// scenario fails at once instead of measuring error pages.
/// </summary>
public static class ClosedLoop
{
    /// <param name="operation">One operation; gets the worker's index (for per-worker channels) and the run's token.</param>
    public static async Task<LoadResult> RunAsync(LoadShape shape, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        await operation(0, cancellationToken);

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(shape.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(shape.Duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, shape.Concurrency)
            .Select(index => Task.Run(() => WorkAsync(index, operation, measureFrom, measureUntil, cancellationToken), cancellationToken))
            .ToList();
        var outcomes = await Task.WhenAll(workers);

        var latencies = outcomes.SelectMany(outcome => outcome.Latencies).ToList();
        var errors = outcomes.Sum(outcome => outcome.Errors);
        if (latencies.Count == 0)
            throw new InvalidOperationException($"No operation completed in {shape.Duration.TotalSeconds:0} s ({errors} errors).");
        return new LoadResult(latencies.Count, errors, shape.Duration.TotalSeconds, Percentiles.Of(latencies));
    }

    sealed record Outcome(List<double> Latencies, long Errors);

    static async Task<Outcome> WorkAsync(int index, Func<int, CancellationToken, Task> operation, long measureFrom, long measureUntil, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        long errors = 0;
        while (true)
        {
            var began = Stopwatch.GetTimestamp();
            if (began >= measureUntil)
                break;
            var failed = false;
            try
            {
                await operation(index, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                failed = true;
            }

            if (began < measureFrom)
                continue;
            if (failed)
                errors++;
            else
                latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        return new Outcome(latencies, errors);
    }
}
