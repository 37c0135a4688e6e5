using Kommune20.Contracts.Federation;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Calendar;

/// <summary>The events member cities announced from their nodes, as the hub holds them; withdrawn ones are gone.</summary>
public sealed class CityEventDates(MeetingsDb db) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarQuery query, CancellationToken ct)
    {
        var events = db.CityEvents.AsNoTracking().Where(e => !e.IsWithdrawn && e.Record != null && e.EndsAt >= query.From);
        if (query.MemberId is { } member)
            events = events.Where(e => e.OriginMemberId == member);
        return (await events.ToListAsync(ct))
            .Where(e => query.WithNetworkOnly || e.Record!.Visibility == Visibility.Public)
            .Select(e => new CalendarEntry(
                UidOf(e.OriginMemberId, e.OriginId), CalendarEntryKind.CityEvent, e.Id, e.Record!.Title, e.Record.Description,
                e.StartsAt, e.EndsAt, e.Record.Place, e.Record.OnlineUrl, e.Record.Link, e.OrganiserName ?? "Mitglied des Netzwerks",
                e.OriginMemberId, e.Sequence, e.Record.Cancelled, e.ChangedAt))
            .ToList();
    }

    /// <summary>By origin, not by the hub's replica id: the same event keeps its UID across a re-sync or a rebuilt hub.</summary>
    public static string UidOf(Guid originMemberId, string originId) => $"termin-{originMemberId}-{originId}@kommune20";
}
