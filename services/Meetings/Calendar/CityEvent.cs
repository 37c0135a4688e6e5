using Kommune20.Contracts.Federation;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// The hub's replica of an event a city announced from its node, keyed by its origin (member, id there). The hub never
/// edits it: a higher version from the origin replaces it, an older or repeated one is ignored, and a withdrawal leaves a
/// tombstone that keeps it out of the calendar.
/// </summary>
public sealed class CityEvent
{
    public Guid Id { get; init; }
    public Guid OriginMemberId { get; init; }
    public required string OriginId { get; init; }
    public long Version { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The record as the city published it; null for a withdrawal that arrived before any version.</summary>
    public CityEventRecord? Record { get; private set; }
    public bool IsWithdrawn { get; private set; }

    /// <summary>The record's times, as columns to sort and select by.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>iCalendar's SEQUENCE: 0 for the first version the hub holds, one more for each that replaced it.</summary>
    public int Sequence { get; private set; }

    /// <summary>The organiser's name in the register when the event arrived; null when the Registry did not answer.</summary>
    public string? OrganiserName { get; set; }

    public bool IsListed => Record is not null && !IsWithdrawn;

    public static CityEvent From(RecordOrigin origin) => new()
    {
        Id = Guid.NewGuid(),
        OriginMemberId = origin.OriginMemberId,
        OriginId = origin.OriginId,
        Version = long.MinValue,
        ChangedAt = origin.ChangedAt,
    };

    /// <summary>Applies a published or updated version; false when it is not newer than the one the hub holds.</summary>
    public bool Apply(RecordOrigin origin, CityEventRecord record)
    {
        if (origin.Version <= Version)
            return false;
        if (Version != long.MinValue)
            Sequence++;
        Version = origin.Version;
        ChangedAt = origin.ChangedAt;
        Record = record;
        StartsAt = record.StartsAt;
        EndsAt = record.EndsAt;
        IsWithdrawn = false;
        return true;
    }

    /// <summary>
    /// Withdraws the event unless a newer version is already here. A withdrawal may carry the version it withdraws, so an
    /// equal version counts; a later republication needs a higher one.
    /// </summary>
    public bool Withdraw(RecordOrigin origin)
    {
        if (origin.Version < Version || (IsWithdrawn && origin.Version == Version))
            return false;
        Version = origin.Version;
        ChangedAt = origin.ChangedAt;
        IsWithdrawn = true;
        return true;
    }
}
