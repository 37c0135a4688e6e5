using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// The exchange sessions in the network calendar: open to the whole network, so they stand in its feed and on /termine,
/// not in a member's own calendar. One under an assembly's agenda links to that assembly's page.
/// </summary>
public sealed class ExchangeSessionDates(MeetingsDb db) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarQuery query, CancellationToken ct)
    {
        if (query.MemberId is not null)
            return [];
        var sessions = await db.ExchangeSessions.AsNoTracking().Where(s => s.EndsAt >= query.From).ToListAsync(ct);
        return sessions.Select(s => new CalendarEntry(
                UidOf(s.Id), CalendarEntryKind.ExchangeSession, s.Id, s.Title, s.Theme, s.StartsAt, s.EndsAt, s.Place, s.OnlineUrl,
                s.AssemblyId is { } assembly ? $"{query.Site}versammlungen/{assembly}" : null, AssemblyDates.Organiser, null,
                Sequence: 0, Cancelled: false, s.CreatedAt))
            .ToList();
    }

    public static string UidOf(Guid sessionId) => $"erfahrungsaustausch-{sessionId}@kommune20";
}
