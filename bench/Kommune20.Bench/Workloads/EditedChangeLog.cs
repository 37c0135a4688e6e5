using System.Diagnostics;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// A simulated node's change log in memory that grows while its push loop runs, as a city's editors keep working:
/// each change appended gets the next version, and the log notes when the hub acknowledged each version
/// (a <see cref="Stopwatch"/> timestamp).
/// </summary>
public sealed class EditedChangeLog(Guid originMemberId) : IChangeLog
{
    readonly List<Change> _changes = [];
    readonly List<long> _acknowledgedAt = [];
    long _acknowledged;
    int _rejected;

    public Guid OriginMemberId => originMemberId;

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Appends the change <paramref name="change"/> builds for the next version, and returns that version.</summary>
    public long Append(Func<long, Change> change)
    {
        lock (_changes)
        {
            _changes.Add(change(_changes.Count + 1));
            _acknowledgedAt.Add(0);
            return _changes.Count;
        }
    }

    /// <summary>When the hub acknowledged <paramref name="version"/>, or null while it has not.</summary>
    public long? AcknowledgedAt(long version)
    {
        lock (_changes)
            return _acknowledgedAt[(int)version - 1] is var at && at != 0 ? at : null;
    }

    public Task<long> HeadVersionAsync(CancellationToken cancellationToken)
    {
        lock (_changes)
            return Task.FromResult((long)_changes.Count);
    }

    public Task<IReadOnlyList<Change>> ReadAfterAsync(long version, int max, CancellationToken cancellationToken)
    {
        lock (_changes)
            return Task.FromResult<IReadOnlyList<Change>>(_changes.Skip((int)version).Take(max).ToList());
    }

    public Task<(long SnapshotVersion, IReadOnlyList<Change> Records)> SnapshotAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmarks push change logs; they do not re-sync.");

    public Task RecordAckAsync(long acknowledgedVersion, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_changes)
        {
            for (var version = _acknowledged + 1; version <= Math.Min(acknowledgedVersion, _changes.Count); version++)
                _acknowledgedAt[(int)version - 1] = now;
            _acknowledged = Math.Max(_acknowledged, acknowledgedVersion);
        }
        Interlocked.Add(ref _rejected, rejections.Count);
        return Task.CompletedTask;
    }
}
