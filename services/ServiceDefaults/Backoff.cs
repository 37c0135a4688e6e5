namespace Kommune20.ServiceDefaults;

/// <summary>Exponential back-off, the one rule every retry here waits by: the outbox, webhook deliveries, e-mails.</summary>
public static class Backoff
{
    /// <summary>The wait after the <paramref name="failures"/>-th failure (from 1): <c>first × factor^(failures−1)</c>, at most <paramref name="longest"/>.</summary>
    public static TimeSpan After(int failures, TimeSpan first, double factor, TimeSpan longest) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(factor, failures - 1), longest.Ticks));
}
