using System.Diagnostics;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// A simulated node's change log in memory: the changes it has queued for the hub, what the hub acknowledged or
/// rejected, and when the hub had answered all of them (a <see cref="Stopwatch"/> timestamp), which is the city's wait.
/// </summary>
public sealed class QueuedChangeLog(Guid originMemberId, IReadOnlyList<Change> changes) : IChangeLog
{
    readonly TaskCompletionSource<long> _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly long _head = changes.Count == 0 ? 0 : changes[^1].Version;
    int _rejected;

    public Guid OriginMemberId => originMemberId;

    /// <summary>Completes with the timestamp at which the hub had answered the whole log (its acknowledged version covers rejections too).</summary>
    public Task<long> CaughtUp => _caughtUp.Task;

    public long Acknowledged { get; private set; }

    public int Rejected => _rejected;

    /// <summary>The hub rejected every change of the log: answered, but nothing of it acknowledged.</summary>
    public bool AllRejected => changes.Count > 0 && _rejected >= changes.Count;

    /// <summary>What became of the log so far, for the fleet's <see cref="Measuring.CityWaits"/>.</summary>
    public Measuring.CityOutcome Outcome => new(CaughtUp.IsCompletedSuccessfully ? CaughtUp.Result : null, AllRejected);

    public Task<long> HeadVersionAsync(CancellationToken cancellationToken) => Task.FromResult(_head);

    public Task<IReadOnlyList<Change>> ReadAfterAsync(long version, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Change>>(changes.Where(change => change.Version > version).Take(max).ToList());

    public Task<(long SnapshotVersion, IReadOnlyList<Change> Records)> SnapshotAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmarks push change logs; they do not re-sync.");

    public Task RecordAckAsync(long acknowledgedVersion, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        Acknowledged = acknowledgedVersion;
        Interlocked.Add(ref _rejected, rejections.Count);
        if (acknowledgedVersion >= _head)
            _caughtUp.TrySetResult(Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
