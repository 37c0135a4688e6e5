using System.Globalization;
using Kommune20.ServiceDefaults;

namespace Kommune20.WebUi;

/// <summary>
/// Dates and numbers as German readers expect them (de-DE), whatever the server's own culture; moments in German time
/// (Europe/Berlin), whatever the server's own zone.
/// </summary>
public static class German
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    public static readonly TimeZoneInfo TimeZone = GermanClock.Zone;

    public static string Date(DateOnly? date) => date?.ToString("d. MMMM yyyy", Culture) ?? "–";

    public static string Date(DateTimeOffset? moment) => moment is { } value ? Date(DateOnly.FromDateTime(Local(value))) : "–";

    public static string DateTime(DateTimeOffset moment) => Local(moment).ToString("d. MMMM yyyy, HH:mm 'Uhr'", Culture);

    /// <summary>"10:00 Uhr".</summary>
    public static string Time(DateTimeOffset moment) => Local(moment).ToString("HH:mm 'Uhr'", Culture);

    /// <summary>The wall-clock time in Germany at <paramref name="moment"/>, as a form's date and time field shows it.</summary>
    public static System.DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime;

    /// <summary>The moment a wall-clock time in Germany names (a form's date and time field), with the offset of that day.</summary>
    public static DateTimeOffset FromLocal(System.DateTime local)
    {
        var unspecified = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, TimeZone.GetUtcOffset(unspecified));
    }

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Number(double value, int decimals) => value.ToString("N" + decimals, Culture);

    /// <summary>"1 Praxisbeispiel", "3 Praxisbeispiele".</summary>
    public static string Count(long value, string one, string many) => $"{Number(value)} {(value == 1 ? one : many)}";
}
