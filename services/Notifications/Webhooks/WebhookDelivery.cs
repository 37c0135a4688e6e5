namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// One notice on its way to one webhook subscription (one row per pair, however often the notice's message arrives), with
/// every attempt made. It is sent when due (<see cref="NextAttemptAt"/>) by whoever first claims it (<see cref="ClaimedUntil"/>, <see cref="ClaimedBy"/>),
/// so that no two instances send it at once; a 2xx answer ends it, a failure schedules the next attempt until the retries
/// run out and it is given up (dead-lettered). The subscriber may send a delivered or given-up one again.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid NoticeId { get; set; }
    public DeliveryStatus Status { get; set; }
    public List<DeliveryAttempt> Attempts { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The first attempt since it was created or sent again: retries go on until <see cref="WebhookOptions.RetryFor"/> after it.</summary>
    public DateTimeOffset? RoundStartedAt { get; set; }

    /// <summary>Failed attempts since <see cref="RoundStartedAt"/>, which set the next wait.</summary>
    public int RoundFailures { get; set; }

    /// <summary>When a message to send it was last published; the sweep publishes again only long after that.</summary>
    public DateTimeOffset? QueuedAt { get; set; }

    /// <summary>An instance is sending it until then (or crashed, and after then another may).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The claim token of the courier that holds it, so that the courier reads back exactly the rows it won.</summary>
    public Guid? ClaimedBy { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Retrying,
    Delivered,
    Failed,
}

/// <summary>One try: when, the receiver's status code if it answered, what went wrong, how long it took.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);
