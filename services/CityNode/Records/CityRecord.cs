using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>
/// One record the city keeps in its node (a practice, its profile, a pilot-project update). The node is the source of
/// truth; <see cref="Version"/> is the change-log version of the record's last published change or withdrawal.
/// </summary>
public sealed class CityRecord
{
    public RecordKind Kind { get; set; }
    public required string Id { get; set; }
    public RecordStatus Status { get; set; }

    /// <summary>The record as JSON (PracticeRecord, CityProfileRecord, ProjectUpdateRecord or CityEventRecord).</summary>
    public required string Body { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
