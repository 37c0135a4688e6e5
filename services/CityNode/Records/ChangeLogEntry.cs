using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>
/// One entry of the node's change log: the record as published at this version, or a withdrawal (no body).
/// Each origin member has a log of its own (one on a city node, one per member on a network node); versions rise by one
/// with every change across all records of that origin, and the hub's cursor for the origin points into it.
/// </summary>
public sealed class ChangeLogEntry
{
    public Guid OriginMemberId { get; set; }
    public long Version { get; set; }
    public RecordKind Kind { get; set; }
    public required string RecordId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? Body { get; set; }
}
