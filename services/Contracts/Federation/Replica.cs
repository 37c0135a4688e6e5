namespace Kommune20.Contracts.Federation;

/// <summary>
/// The hub's replica of a record a city published from its node, keyed by its origin (member, id there). The hub never
/// edits it: a higher version from the origin replaces it, an older or repeated one is ignored, and a withdrawal leaves a
/// tombstone that keeps it out of every list. Each service that keeps replicas derives its own kind from this one.
/// </summary>
public abstract class Replica<TRecord> : IReplica where TRecord : class
{
    public Guid Id { get; set; }
    public Guid OriginMemberId { get; set; }
    public string OriginId { get; set; } = "";
    public long Version { get; set; } = long.MinValue;
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The record as the city published it; null for a withdrawal that arrived before any version of it.</summary>
    public TRecord? Record { get; set; }
    public bool IsWithdrawn { get; set; }

    public bool IsListed => Record is not null && !IsWithdrawn;

    /// <summary>A new replica of the origin's record, holding no version yet.</summary>
    public static TReplica Of<TReplica>(RecordOrigin origin) where TReplica : Replica<TRecord>, new() => new()
    {
        Id = Guid.NewGuid(),
        OriginMemberId = origin.OriginMemberId,
        OriginId = origin.OriginId,
        ChangedAt = origin.ChangedAt,
    };

    /// <summary>Applies a published or updated version; false when it is not newer than the one the hub holds.</summary>
    public bool Apply(RecordOrigin origin, TRecord record)
    {
        if (origin.Version <= Version)
            return false;
        var replaced = Version != long.MinValue;
        Version = origin.Version;
        ChangedAt = origin.ChangedAt;
        Record = record;
        IsWithdrawn = false;
        Applied(record, replaced);
        return true;
    }

    /// <summary>
    /// Withdraws the record unless a newer version is already here. A withdrawal may carry the version it withdraws, so an
    /// equal version counts; a later republication needs a higher one.
    /// </summary>
    public bool Withdraw(RecordOrigin origin)
    {
        if (origin.Version < Version || (IsWithdrawn && origin.Version == Version))
            return false;
        Version = origin.Version;
        ChangedAt = origin.ChangedAt;
        IsWithdrawn = true;
        Withdrawn();
        return true;
    }

    /// <summary>A version was applied; <paramref name="replaced"/> when it replaced one the hub held (or a tombstone).</summary>
    protected virtual void Applied(TRecord record, bool replaced) { }

    protected virtual void Withdrawn() { }
}
