using System.Diagnostics;

namespace Kommune20.Bench.Load;

/// <summary>
/// Open-loop load at a fixed rate: operation i is due at start + i / rate and gets that due time, so a stall shows
/// up as latency instead of silently lowering the rate. At most <c>maxInFlight</c> operations run at once.
/// </summary>
public static class PacedLoad
{
    /// <returns>How many operations were started and how many failed.</returns>
    public static async Task<(long Sent, long Errors)> RunAsync(double perSecond, TimeSpan duration, int maxInFlight,
        Func<long, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var total = (long)(perSecond * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var ticksPerOperation = Stopwatch.Frequency / perSecond;
        using var slots = new SemaphoreSlim(maxInFlight);
        var running = new List<Task>();
        long errors = 0;

        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerOperation);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait, cancellationToken);
            await slots.WaitAsync(cancellationToken);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await operation(due, cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }
                finally
                {
                    slots.Release();
                }
            }, cancellationToken));
        }
        await Task.WhenAll(running);
        return (total, Interlocked.Read(ref errors));
    }
}
