using Kommune20.Federation.Grpc;

namespace Kommune20.Federation.Client;

/// <summary>
/// One node's change log as the pusher sees it. A city node implements it over its database; a benchmark fleet
/// implements it in memory for thousands of simulated nodes.
/// </summary>
public interface IChangeLog
{
    /// <summary>Whose change log this is (the origin member of its records).</summary>
    Guid OriginMemberId { get; }

    /// <summary>The newest version in the log (0 when it is empty).</summary>
    Task<long> HeadVersionAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> changes with a version above <paramref name="version"/>, ascending.</summary>
    Task<IReadOnlyList<Change>> ReadAfterAsync(long version, int max, CancellationToken cancellationToken);

    /// <summary>Everything the node currently publishes, each with the version of its last change, and the log's head at that moment.</summary>
    Task<(long SnapshotVersion, IReadOnlyList<Change> Records)> SnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Keeps what the hub answered: the acknowledged version and the changes it rejected.</summary>
    Task RecordAckAsync(long acknowledgedVersion, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken);

    /// <summary>
    /// The hub has acknowledged <paramref name="hubVersion"/>, beyond the log's head: the log was restored from a backup,
    /// and the push loop re-syncs. Called before the re-sync and again once it is done (<paramref name="resynced"/>).
    /// </summary>
    Task RecordRestoreAsync(long hubVersion, bool resynced, CancellationToken cancellationToken) => Task.CompletedTask;
}
