using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// Dates as an iCalendar file (RFC 5545, written by Ical.Net, which escapes commas, semicolons and line breaks and folds
/// long lines). Times are in UTC, so no time-zone definition is needed; DTSTAMP is the version's time, not the time of
/// the request, so the same dates give the same bytes and the same ETag.
/// </summary>
public static class CalendarFile
{
    const string ProductId = "-//Kommune 2.0 e. V.//Kommune20 Netzwerkkalender//DE";

    public static string Write(string name, IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = CalendarMethods.Publish };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/Berlin");
        foreach (var entry in entries)
            calendar.Events.Add(EventOf(entry));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    static CalendarEvent EventOf(CalendarEntry entry)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = entry.Uid,
            Summary = entry.Title,
            Description = DescriptionOf(entry),
            DtStart = Utc(entry.StartsAt),
            DtEnd = Utc(entry.EndsAt),
            DtStamp = Utc(entry.ChangedAt),
            LastModified = Utc(entry.ChangedAt),
            Location = entry.Place ?? entry.OnlineUrl,
            Url = Uri.TryCreate(entry.Link ?? entry.OnlineUrl, UriKind.Absolute, out var url) ? url : null,
            Sequence = entry.Sequence,
            Status = entry.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        calendarEvent.Categories.Add(entry.Kind switch
        {
            CalendarEntryKind.Assembly => "Mitgliederversammlung",
            CalendarEntryKind.ExchangeSession => "Erfahrungsaustausch",
            _ => "Termin eines Mitglieds",
        });
        return calendarEvent;
    }

    /// <summary>The description, who invites, and the online address when there is also a place.</summary>
    static string DescriptionOf(CalendarEntry entry)
    {
        var text = new StringBuilder();
        if (entry.Cancelled)
            text.Append("Abgesagt.\n\n");
        if (entry.Description is { } description)
            text.Append(description).Append("\n\n");
        text.Append("Veranstalter: ").Append(entry.Organiser);
        if (entry.Place is not null && entry.OnlineUrl is not null)
            text.Append("\nOnline: ").Append(entry.OnlineUrl);
        return text.ToString();
    }

    static CalDateTime Utc(DateTimeOffset moment) => new(moment.UtcDateTime);
}
