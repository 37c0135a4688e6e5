using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// A well-formed change as the hub applies it: the record (a PracticeRecord, CityProfileRecord, ProjectUpdateRecord or CityEventRecord)
/// or, for a withdrawal, none.
/// </summary>
public sealed record IncomingChange(RecordKind Kind, string OriginId, long Version, DateTimeOffset ChangedAt, object? Record)
{
    public bool IsTombstone => Record is null;
}
