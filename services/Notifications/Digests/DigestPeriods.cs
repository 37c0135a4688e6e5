using Kommune20.ServiceDefaults;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// When digests go out: a daily one after 07:00 in Germany, a weekly one on Monday after 07:00, each reporting up to that
/// moment. A subscription is due once per period: when a period started since its last digest (or, before its first, since
/// it was confirmed).
/// </summary>
public static class DigestPeriods
{
    public static readonly TimeOnly SendingTime = new(7, 0);

    public static TimeSpan Length(DigestFrequency frequency) => frequency == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);

    /// <summary>The latest start of a period at or before <paramref name="now"/>: today's or yesterday's 07:00, or the last Monday's.</summary>
    public static DateTimeOffset LastStart(DigestFrequency frequency, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, GermanClock.Zone).DateTime);
        var day = frequency == DigestFrequency.Weekly ? today.AddDays(-(((int)today.DayOfWeek + 6) % 7)) : today;
        var start = At(day);
        return start <= now ? start : At(day.AddDays(frequency == DigestFrequency.Weekly ? -7 : -1));
    }

    /// <summary>
    /// 07:00 of a day in Germany (never in a daylight-saving gap, which is at 02:00), in UTC: PostgreSQL's
    /// <c>timestamptz</c> takes no other offset, and the moment is the same.
    /// </summary>
    static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(SendingTime);
        return new DateTimeOffset(local, GermanClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
