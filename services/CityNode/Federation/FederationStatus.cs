namespace Kommune20.CityNode.Federation;

/// <summary>
/// What the hub last answered the node for one origin's log: the acknowledged version and when (one row per origin).
/// When the hub's cursor lay beyond the log (the node was restored from a backup), when that was noticed, what the hub
/// knew, and when the re-sync that followed was done.
/// </summary>
public sealed class FederationStatus
{
    public Guid OriginMemberId { get; set; }
    public long AcknowledgedVersion { get; set; }
    public DateTimeOffset? LastAcknowledgedAt { get; set; }
    public DateTimeOffset? RestoreNoticedAt { get; set; }
    public long? HubVersionAtRestore { get; set; }
    public DateTimeOffset? ResyncedAfterRestoreAt { get; set; }
}
