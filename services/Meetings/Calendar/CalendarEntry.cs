namespace Kommune20.Meetings.Calendar;

/// <summary>What the network calendar shows of one date, whichever source it comes from.</summary>
/// <param name="Uid">iCalendar's UID: the same for every version of the date, so a calendar updates it instead of adding one.</param>
/// <param name="Id">The assembly's id, or the replica's id of a city's event.</param>
/// <param name="Link">Where to read more: the assembly's page in the portal, or the city's own page about its event.</param>
/// <param name="Organiser">Who invites: the association, or the city by its name in the register.</param>
/// <param name="Sequence">iCalendar's SEQUENCE: higher for each change a subscriber should take over.</param>
/// <param name="ChangedAt">When this version was made (iCalendar's DTSTAMP and LAST-MODIFIED).</param>
public sealed record CalendarEntry(
    string Uid,
    CalendarEntryKind Kind,
    Guid Id,
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineUrl,
    string? Link,
    string Organiser,
    Guid? OrganiserMemberId,
    int Sequence,
    bool Cancelled,
    DateTimeOffset ChangedAt);

public enum CalendarEntryKind
{
    /// <summary>A general assembly of the association, from its invitation on.</summary>
    Assembly,
    /// <summary>An event a member city announced from its node.</summary>
    CityEvent,
    /// <summary>A moderated exchange session of the network (Erfahrungsaustausch).</summary>
    ExchangeSession,
}
