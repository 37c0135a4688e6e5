using Lucene.Net.Util;

namespace Kommune20.Library.Search;

/// <summary>
/// The clock a <see cref="Lucene.Net.Search.TimeLimitingCollector"/> reads: milliseconds of the service's
/// <see cref="TimeProvider"/>, so the time limit follows the clock a test sets rather than Lucene's own timer thread.
/// </summary>
sealed class ElapsedMilliseconds(TimeProvider clock) : Counter
{
    readonly long _start = clock.GetTimestamp();

    public override long Value => (long)clock.GetElapsedTime(_start).TotalMilliseconds;

    // The collector only reads the clock; nothing advances it by hand.
    public override long AddAndGet(long delta) => throw new NotSupportedException();
}
