using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// The hub's copy of one city record, with its provenance: the origin member, the record's id there and the version
/// of the change it reflects. Written only by applying a newer change from the origin; a withdrawal keeps the row as a
/// tombstone (no body) so an older change arriving late cannot bring the record back.
/// </summary>
public sealed class Replica
{
    public Guid OriginMemberId { get; set; }
    public RecordKind Kind { get; set; }
    public required string OriginId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The record as JSON (a PracticeRecord, CityProfileRecord, ProjectUpdateRecord or CityEventRecord); null once withdrawn.</summary>
    public string? Body { get; set; }
    public string? Title { get; set; }
    public Visibility? Visibility { get; set; }

    /// <summary>
    /// The member whose credential delivered the change: the origin itself, or a network relaying for it. What the
    /// origin delivered itself no relay may change or withdraw; what a relay delivered the origin replaces.
    /// </summary>
    public Guid ReceivedFrom { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public bool IsWithdrawn => Body is null;

    /// <summary>The network that delivered this version for the origin; null when the origin delivered it itself.</summary>
    public Guid? RelayedBy => ReceivedFrom == OriginMemberId ? null : ReceivedFrom;

    public RecordOrigin Origin => new(OriginMemberId, OriginId, Version, ChangedAt, RelayedBy);
}
