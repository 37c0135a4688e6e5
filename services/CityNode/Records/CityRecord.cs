using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>
/// One record the city keeps in its node (a practice, its profile, a pilot-project update). The node is the source of
/// truth; <see cref="Version"/> is the change-log version of the record's last published change or withdrawal in its
/// origin's log. The origin is the member the record belongs to: the node's own member, or on a network node the
/// member municipality the network publishes for.
/// </summary>
public sealed class CityRecord
{
    public Guid OriginMemberId { get; set; }
    public RecordKind Kind { get; set; }
    public required string Id { get; set; }
    public RecordStatus Status { get; set; }

    /// <summary>The record as JSON (PracticeRecord, CityProfileRecord, ProjectUpdateRecord or CityEventRecord).</summary>
    public required string Body { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
