namespace Kommune20.Meetings.Calendar;

/// <summary>Every source's dates in one order: by start, then title.</summary>
public sealed class NetworkCalendar(IEnumerable<ICalendarSource> sources)
{
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarQuery query, CancellationToken ct)
    {
        var entries = new List<CalendarEntry>();
        foreach (var source in sources)
            entries.AddRange(await source.EntriesAsync(query, ct));
        return entries.OrderBy(e => e.StartsAt).ThenBy(e => e.Title, StringComparer.Ordinal).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }
}
