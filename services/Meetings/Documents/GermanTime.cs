using System.Globalization;
using Kommune20.ServiceDefaults;

namespace Kommune20.Meetings.Documents;

/// <summary>Moments as the association's documents write them: German, in Berlin's time ("19. März 2027, 10:00 Uhr").</summary>
public static class GermanTime
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    static readonly TimeZoneInfo Berlin = GermanClock.Zone;

    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Berlin).DateTime;

    public static string Date(DateTimeOffset moment) => Local(moment).ToString("d. MMMM yyyy", German);

    public static string Time(DateTimeOffset moment) => Local(moment).ToString("HH:mm 'Uhr'", German);

    public static string DateAndTime(DateTimeOffset moment) => Local(moment).ToString("d. MMMM yyyy, HH:mm 'Uhr'", German);

    /// <summary>
    /// A day and a time of day on Berlin's clock, as a moment in UTC: PostgreSQL's <c>timestamptz</c> takes no other
    /// offset, and the documents turn it back into Berlin's time (<see cref="Local"/>).
    /// </summary>
    public static DateTimeOffset InBerlin(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local)).ToUniversalTime();
    }
}
