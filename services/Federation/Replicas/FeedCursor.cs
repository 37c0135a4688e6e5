namespace Kommune20.Federation.Replicas;

/// <summary>
/// How far the hub has processed one origin's change log as delivered by one caller (the city's own node, or a relay):
/// every version up to <see cref="AcknowledgedVersion"/> is applied, skipped as known, or quarantined.
/// </summary>
public sealed class FeedCursor
{
    public Guid SourceMemberId { get; set; }
    public Guid OriginMemberId { get; set; }
    public long AcknowledgedVersion { get; set; }

    /// <summary>The newest version the node reported having; the difference is the lag.</summary>
    public long HeadVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public long Lag => Math.Max(0, HeadVersion - AcknowledgedVersion);
}
