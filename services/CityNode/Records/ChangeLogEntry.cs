using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>
/// One entry of the node's change log: the record as published at this version, or a withdrawal (no body).
/// Versions rise by one with every change, across all records of the node; the hub's cursor points into this log.
/// </summary>
public sealed class ChangeLogEntry
{
    public long Version { get; set; }
    public RecordKind Kind { get; set; }
    public required string RecordId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? Body { get; set; }
}
