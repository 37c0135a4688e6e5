using Kommune20.ServiceDefaults;
using Kommune20.WebUi;

namespace Kommune20.Portal.Calendar;

/// <summary>A date's time as the association's members read it: in German time, whatever the server's own zone.</summary>
public static class BerlinTime
{
    static readonly TimeZoneInfo Berlin = GermanClock.Zone;

    /// <summary>"11. März 2027, 18:00–20:00 Uhr", or with both days when it spans several.</summary>
    public static string Period(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var (start, end) = (TimeZoneInfo.ConvertTime(startsAt, Berlin), TimeZoneInfo.ConvertTime(endsAt, Berlin));
        return start.Date == end.Date
            ? $"{start.ToString("d. MMMM yyyy, HH:mm", German.Culture)}–{end.ToString("HH:mm", German.Culture)} Uhr"
            : $"{start.ToString("d. MMMM yyyy, HH:mm", German.Culture)} Uhr bis {end.ToString("d. MMMM yyyy, HH:mm", German.Culture)} Uhr";
    }

    /// <summary>"März 2027": the heading a month's dates stand under.</summary>
    public static string Month(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Berlin).ToString("MMMM yyyy", German.Culture);

    /// <summary>The machine-readable start for a &lt;time&gt; element.</summary>
    public static string Iso(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Berlin).ToString("yyyy-MM-ddTHH:mmzzz", German.Culture);
}
