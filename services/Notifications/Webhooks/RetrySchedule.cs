using Kommune20.ServiceDefaults;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// Exponential back-off: after the n-th failure the next attempt waits <c>FirstRetry × RetryFactor^(n−1)</c>, at most
/// <c>LongestRetry</c> (defaults: 10 s, 1 min, 6 min, 36 min, 3.6 h, then every 12 h); a failure at
/// <c>RetryFor</c> (24 h) or later after the round's first attempt gives the delivery up.
/// </summary>
public static class RetrySchedule
{
    /// <returns>The wait before the next attempt, or null when the delivery is given up.</returns>
    public static TimeSpan? NextWait(WebhookOptions options, int failures, TimeSpan sinceFirstAttempt)
    {
        if (sinceFirstAttempt >= options.RetryFor)
            return null;
        return Backoff.After(failures, options.FirstRetry, options.RetryFactor, options.LongestRetry);
    }
}
