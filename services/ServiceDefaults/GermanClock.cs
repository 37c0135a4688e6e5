namespace Kommune20.ServiceDefaults;

/// <summary>The association's calendar day: dates such as a project's end or a milestone's due date are days in Germany, whatever the server's zone.</summary>
public static class GermanClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
