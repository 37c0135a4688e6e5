using Kommune20.Notifications.Webhooks;

namespace Kommune20.Notifications.Tests;

public class RetryScheduleTests
{
    [Fact]
    public void Retries_back_off_exponentially_and_go_on_for_at_least_a_day()
    {
        var options = new WebhookOptions();
        var waits = new List<TimeSpan>();
        var sinceFirst = TimeSpan.Zero;
        while (RetrySchedule.NextWait(options, waits.Count + 1, sinceFirst) is { } wait)
        {
            waits.Add(wait);
            sinceFirst += wait;
        }

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(36)], waits[..4]);
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(TimeSpan.FromHours(12), waits[^1]);
        Assert.True(sinceFirst >= TimeSpan.FromHours(24), $"last attempt {sinceFirst} after the first");
        Assert.InRange(waits.Count + 1, 6, 10);
    }

    [Fact]
    public void A_test_schedule_retries_within_seconds()
    {
        var options = new WebhookOptions { FirstRetry = TimeSpan.FromSeconds(1), RetryFactor = 2 };

        Assert.Equal(TimeSpan.FromSeconds(1), RetrySchedule.NextWait(options, 1, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(4), RetrySchedule.NextWait(options, 3, TimeSpan.FromSeconds(3)));
        Assert.Null(RetrySchedule.NextWait(options, 3, TimeSpan.FromHours(24)));
    }
}
