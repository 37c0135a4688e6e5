using Kommune20.ServiceDefaults;

namespace Kommune20.Messaging;

/// <summary>How the outbox retries, gives up and forgets (<c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How many publishes may await the broker's confirm at once (1: each confirmed before the next starts). 1 until a
    /// hang is understood: with 50, the Registry's demo seeding never finished its second SaveChanges at start.
    /// </summary>
    public int PublishWindow { get; set; } = 1;

    /// <summary>After this many failed publishes a message is dead-lettered and the messages behind it flow on.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles with each further one up to <see cref="MaxRetryDelay"/> (about 4 minutes over 10 attempts).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A window of publishes not confirmed by then counts as failed (a broker that accepts the connection but never confirms).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long sent outbox messages and handled inbox entries are kept. The inbox recognises a redelivery only within it.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryDelay(int attempts) => Backoff.After(attempts, FirstRetryDelay, 2, MaxRetryDelay);
}
