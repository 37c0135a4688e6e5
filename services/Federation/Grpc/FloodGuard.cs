using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Grpc;

/// <summary>
/// Counts each credential's batches and refused changes in a fixed window; one that exceeds either bound is refused
/// with RESOURCE_EXHAUSTED (and a <see cref="PushTrailers.RetryAfter"/> trailer) for <see cref="PushLimits.BlockFor"/>.
/// Per member id, the identity every federation call carries; callers whose window ended and who are not blocked are
/// forgotten when the table grows, so it stays as large as the set of recently active credentials.
/// </summary>
public sealed class FloodGuard(PushLimits limits, FederationMetrics metrics, TimeProvider clock)
{
    const int ForgetAbove = 10_000;
    readonly ConcurrentDictionary<Guid, Window> _callers = new();

    sealed class Window
    {
        public DateTimeOffset Start;
        public int Batches;
        public int Refused;
        public DateTimeOffset BlockedUntil;
    }

    /// <summary>Throws RESOURCE_EXHAUSTED while the caller is blocked.</summary>
    public void EnsureAllowed(Guid caller)
    {
        if (!_callers.TryGetValue(caller, out var window))
            return;
        var now = clock.GetUtcNow();
        DateTimeOffset until;
        lock (window)
            until = window.BlockedUntil;
        if (until > now)
            throw Exhausted(caller, until - now);
    }

    /// <summary>Counts one batch (or re-sync chunk) and its refused changes; blocks the caller when a bound is exceeded.</summary>
    public void Count(Guid caller, int refused)
    {
        var now = clock.GetUtcNow();
        if (_callers.Count >= ForgetAbove)
            Forget(now);
        var window = _callers.GetOrAdd(caller, _ => new Window { Start = now });
        lock (window)
        {
            if (now - window.Start >= limits.Window)
                (window.Start, window.Batches, window.Refused) = (now, 0, 0);
            window.Batches++;
            window.Refused += refused;
            if (window.Batches <= limits.MaxBatchesPerWindow && window.Refused <= limits.MaxRefusedPerWindow)
                return;
            window.BlockedUntil = now + limits.BlockFor;
            (window.Start, window.Batches, window.Refused) = (now, 0, 0);
        }
        metrics.Limited(caller, FederationMetrics.Flood);
    }

    void Forget(DateTimeOffset now)
    {
        foreach (var (caller, window) in _callers)
        {
            lock (window)
            {
                if (window.BlockedUntil <= now && now - window.Start >= limits.Window)
                    _callers.TryRemove(caller, out _);
            }
        }
    }

    static RpcException Exhausted(Guid caller, TimeSpan left)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
        return new RpcException(
            new Status(StatusCode.ResourceExhausted, $"Zu viele Stapel oder abgelehnte Änderungen von {caller}: bitte in {seconds} s wieder versuchen."),
            new Metadata { { PushTrailers.RetryAfter, seconds.ToString(CultureInfo.InvariantCulture) } });
    }
}
