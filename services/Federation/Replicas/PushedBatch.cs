using Kommune20.Federation.Grpc;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// Changes of one origin's log as one caller delivered them. <see cref="Permitted"/> is the provenance verdict: false
/// when the caller is neither the origin nor a network the Registry lets relay for it. A re-sync chunk is applied by
/// record version alone, without the cursor's shortcut for changes already processed.
/// </summary>
public sealed record PushedBatch(Guid Source, Guid Origin, bool Permitted, long HeadVersion, IReadOnlyList<Change> Changes, bool IsResync = false);

/// <summary>What the hub did with a batch: the ack it sends back, and why it was refused whole (a <see cref="RefusalCount"/> reason) if it was.</summary>
public sealed record BatchOutcome(long AcknowledgedVersion, int Applied, int Skipped, IReadOnlyList<Rejection> Rejections, string? RefusedFor = null);

/// <summary>
/// What a re-sync stated: the log's head when the snapshot was taken, the records it contains, and after a restore from a
/// backup the version up to which the node lost what it had delivered (0 otherwise).
/// </summary>
public sealed record Snapshot(long Version, long LostUpTo, IReadOnlySet<(Contracts.Federation.RecordKind Kind, string OriginId)> Present);
