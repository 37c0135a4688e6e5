namespace Kommune20.CityNode.Federation;

/// <summary>What the hub last answered the node: the acknowledged version and when (one row).</summary>
public sealed class FederationStatus
{
    public int Id { get; set; } = 1;
    public long AcknowledgedVersion { get; set; }
    public DateTimeOffset? LastAcknowledgedAt { get; set; }
}
