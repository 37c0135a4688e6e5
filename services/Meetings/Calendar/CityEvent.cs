using Kommune20.Contracts.Federation;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// The hub's replica of an event a city announced from its node (see <see cref="Replica{TRecord}"/>); a tombstone keeps a
/// withdrawn one out of the calendar.
/// </summary>
public sealed class CityEvent : Replica<CityEventRecord>
{
    /// <summary>The record's times, as columns to sort and select by.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>iCalendar's SEQUENCE: 0 for the first version the hub holds, one more for each that replaced it.</summary>
    public int Sequence { get; private set; }

    /// <summary>The organiser's name in the register when the event arrived; null when the Registry did not answer.</summary>
    public string? OrganiserName { get; set; }

    public static CityEvent From(RecordOrigin origin) => Of<CityEvent>(origin);

    protected override void Applied(CityEventRecord record, bool replaced)
    {
        if (replaced)
            Sequence++;
        StartsAt = record.StartsAt;
        EndsAt = record.EndsAt;
    }
}
