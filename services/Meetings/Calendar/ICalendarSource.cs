namespace Kommune20.Meetings.Calendar;

/// <summary>
/// One kind of date in the network calendar (the assemblies, the cities' events, the exchange sessions). A new kind
/// registers a source in <see cref="CalendarExtensions.AddNetworkCalendar"/>; the feeds, the list and /termine take it up.
/// </summary>
public interface ICalendarSource
{
    Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarQuery query, CancellationToken ct);
}
