using System.Diagnostics;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>
/// The consuming end of a messaging run: each message carries the Stopwatch timestamp it was (due to be) sent at; what
/// arrives inside the measured window counts for throughput, and its age on arrival is the end-to-end latency.
/// </summary>
public sealed class Arrivals(long windowStart, long windowEnd)
{
    readonly List<double> _latencies = [];
    long _total;

    public const string SentHeader = "Bench-Sent";

    public static Arrivals After(TimeSpan warmup, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return new Arrivals(start, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    public long Total => Interlocked.Read(ref _total);

    public void Record(long sentTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _total);
        if (now < windowStart || now >= windowEnd)
            return;
        lock (_latencies)
            _latencies.Add(Stopwatch.GetElapsedTime(sentTimestamp, now).TotalMilliseconds);
    }

    /// <summary>Waits until the window has closed and every one of <paramref name="sent"/> messages has arrived (or the grace period is over).</summary>
    public async Task<LoadResult> ResultAsync(long sent, long errors, TimeSpan grace, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + grace;
        while ((Stopwatch.GetTimestamp() < windowEnd || Total < sent) && DateTime.UtcNow < deadline)
            await Task.Delay(50, cancellationToken);
        lock (_latencies)
        {
            if (_latencies.Count == 0)
                throw new InvalidOperationException("No message arrived in the measured window.");
            var seconds = (windowEnd - windowStart) / (double)Stopwatch.Frequency;
            return new LoadResult(_latencies.Count, errors + Math.Max(sent - Total, 0), seconds, Percentiles.Of(_latencies));
        }
    }
}
