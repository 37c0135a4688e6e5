using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Federation;

/// <summary>A change the hub refused, with its reason, until a later version of the same record is accepted.</summary>
public sealed class RejectedChange
{
    public Guid OriginMemberId { get; set; }
    public RecordKind Kind { get; set; }
    public required string RecordId { get; set; }
    public long Version { get; set; }
    public required string Code { get; set; }
    public string? Field { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RejectedAt { get; set; }
}
