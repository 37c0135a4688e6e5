using System.Net;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// How webhooks are delivered (section <c>Webhooks</c>): the retry schedule, the limits on a receiver's answer, how many
/// deliveries go in one batch and how many are sent at once, and the operator's allow-list of otherwise refused addresses (tests: 127.0.0.1).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Addresses a webhook may reach although they are not public (exact matches; <c>::ffff:127.0.0.1</c> is not 127.0.0.1).</summary>
    public string[] AllowedAddresses { get; set; } = [];

    /// <summary>The hub's public address (<c>Identity:Issuer</c>): the events' source, the base of their links, the handshake's origin.</summary>
    public Uri Hub { get; set; } = new("http://localhost:8080/");

    /// <summary>The wait after the first failed attempt; each further wait is <see cref="RetryFactor"/> times the one before.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(10);
    public double RetryFactor { get; set; } = 6;
    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long after the first attempt a delivery is still retried; a failure after that ends it (dead-lettered).</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the database is searched for deliveries whose next attempt is due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The time a receiver has to answer (connecting included).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of a receiver's answer is read at most; the rest is dropped with the connection.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>Deliveries per <see cref="WebhookDeliveriesDue"/> message, claimed and recorded together.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Posts of one batch in flight at once.</summary>
    public int ConcurrentPosts { get; set; } = 16;

    /// <summary>Batches sent at once by one instance.</summary>
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>How long a courier holds a batch's claim: long enough for every post of it to time out (plus slack).</summary>
    internal TimeSpan ClaimFor(int deliveries) => Timeout * (2 + Math.Ceiling(deliveries / (double)Math.Max(1, ConcurrentPosts)));

    internal IReadOnlySet<IPAddress> Allowed() => AllowedAddresses.Select(IPAddress.Parse).ToHashSet();
}
