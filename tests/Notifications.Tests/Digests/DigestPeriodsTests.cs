using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Tests.Digests;

public class DigestPeriodsTests
{
    // Wednesday, 2 December 2026: winter time in Germany (UTC+1).
    static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_daily_period_starts_at_seven_in_Germany_and_before_seven_the_previous_days_is_the_latest()
    {
        Assert.Equal(Utc(12, 2, 6), DigestPeriods.LastStart(DigestFrequency.Daily, Utc(12, 2, 6)));
        Assert.Equal(Utc(12, 2, 6), DigestPeriods.LastStart(DigestFrequency.Daily, Utc(12, 2, 22)));
        Assert.Equal(Utc(12, 1, 6), DigestPeriods.LastStart(DigestFrequency.Daily, Utc(12, 2, 5, 59)));
    }

    [Fact]
    public void A_weekly_period_starts_on_Monday_at_seven_in_Germany()
    {
        // Monday 30 November 2026, 07:00 in Berlin is 06:00 UTC.
        Assert.Equal(Utc(11, 30, 6), DigestPeriods.LastStart(DigestFrequency.Weekly, Utc(12, 2, 22)));
        Assert.Equal(Utc(11, 30, 6), DigestPeriods.LastStart(DigestFrequency.Weekly, Utc(12, 6, 22, 59)));
        // On Monday before seven the week before is still running.
        Assert.Equal(Utc(11, 23, 6), DigestPeriods.LastStart(DigestFrequency.Weekly, Utc(11, 30, 5, 59)));
    }

    [Fact]
    public void Seven_oclock_is_seven_in_Germany_in_summer_too()
    {
        // Summer time (UTC+2): Monday 6 July 2026, 07:00 in Berlin is 05:00 UTC.
        Assert.Equal(Utc(7, 6, 5), DigestPeriods.LastStart(DigestFrequency.Weekly, Utc(7, 8, 12)));
        // The night summer time ends (Sunday 25 October): Monday's seven is an hour later in UTC than Saturday's.
        Assert.Equal(Utc(10, 24, 5), DigestPeriods.LastStart(DigestFrequency.Daily, Utc(10, 24, 12)));
        Assert.Equal(Utc(10, 26, 6), DigestPeriods.LastStart(DigestFrequency.Daily, Utc(10, 26, 12)));
    }

    [Theory]
    [InlineData(DigestFrequency.Daily)]
    [InlineData(DigestFrequency.Weekly)]
    public void A_period_starts_in_UTC_which_is_all_PostgreSQL_stores(DigestFrequency frequency)
    {
        // The digest run writes the start as timestamptz; Npgsql refuses any other offset (seen in the container test).
        Assert.Equal(TimeSpan.Zero, DigestPeriods.LastStart(frequency, Utc(12, 2, 22)).Offset);
        Assert.Equal(TimeSpan.Zero, DigestPeriods.LastStart(frequency, Utc(7, 8, 12)).Offset);
    }
}
