using Kommune20.Contracts.Federation;

namespace Kommune20.Library.Practices;

/// <summary>
/// The hub's replica of a city's practice, keyed by its origin (member, id there). The hub never edits it: a higher
/// version from the origin replaces it, an older or repeated one is ignored, and a withdrawal leaves a tombstone.
/// </summary>
public sealed class Practice
{
    public Guid Id { get; set; }
    public Guid OriginMemberId { get; set; }
    public required string OriginId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The record as the city published it; null for a withdrawal that arrived before any version of the record.</summary>
    public PracticeRecord? Record { get; set; }
    public bool IsWithdrawn { get; set; }

    /// <summary>Counts every change the search index must follow; the index has caught up when <see cref="IndexedRevision"/> equals it.</summary>
    public long Revision { get; set; }
    public long IndexedRevision { get; set; }

    public bool IsListed => Record is not null && !IsWithdrawn;

    public static Practice From(RecordOrigin origin) => new()
    {
        Id = Guid.NewGuid(),
        OriginMemberId = origin.OriginMemberId,
        OriginId = origin.OriginId,
        Version = long.MinValue,
        ChangedAt = origin.ChangedAt,
        Revision = 1,
    };

    /// <summary>Applies a published or updated version; false when it is not newer than the one the hub holds.</summary>
    public bool Apply(RecordOrigin origin, PracticeRecord record)
    {
        if (origin.Version <= Version)
            return false;
        Version = origin.Version;
        ChangedAt = origin.ChangedAt;
        Record = record;
        IsWithdrawn = false;
        Revision++;
        return true;
    }

    /// <summary>
    /// Withdraws the practice unless a newer version is already here. A withdrawal may carry the version it withdraws,
    /// so an equal version counts; a later republication needs a higher one.
    /// </summary>
    public bool Withdraw(RecordOrigin origin)
    {
        if (origin.Version < Version || (IsWithdrawn && origin.Version == Version))
            return false;
        Version = origin.Version;
        ChangedAt = origin.ChangedAt;
        IsWithdrawn = true;
        Revision++;
        return true;
    }

    /// <summary>Something the index shows besides the record changed (the origin's name or networks, a verified adoption).</summary>
    public void Touch() => Revision++;
}
