namespace Kommune20.Portal.Notifications;

/// <summary>
/// A subscription of the organisation (<c>GET /api/notifications/subscriptions</c>): what it follows, on which channel, and
/// whether it is active (a webhook's endpoint verified, an e-mail address confirmed). The secret only when created or renewed.
/// </summary>
public sealed record Subscription(Guid Id, string Follows, string? ProjectKey, Guid? MemberId, string? Topic, string? SdgTarget,
    string? FederalState, string Channel, string? Url, string? Email, string? Frequency, bool IsActive, DateTimeOffset? VerifiedAt,
    DateTimeOffset? ConfirmedAt, string CreatedBy, DateTimeOffset CreatedAt, string? Secret = null)
{
    public const string WebhookChannel = "webhook";
    public const string EmailChannel = "email";

    public bool IsWebhook => Channel == WebhookChannel;

    public Following Target => new(Follows, ProjectKey, MemberId, Topic, SdgTarget, FederalState);
}

/// <summary>
/// One event for a webhook subscription and how its delivery went: <see cref="Status"/> is <c>pending</c>, <c>delivered</c>,
/// <c>retrying</c> or <c>failed</c> (given up), with every attempt.
/// </summary>
public sealed record Delivery(Guid Id, Guid NoticeId, string EventType, string Title, string Status, int AttemptCount,
    IReadOnlyList<DeliveryAttempt> Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    /// <summary>The service sends delivered and given-up deliveries again; the others are still on their way.</summary>
    public bool MayRedeliver => Status is "delivered" or "failed";
}

/// <param name="StatusCode">The endpoint's HTTP status; null when it did not answer.</param>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

/// <summary>A new subscription as the Notifications API takes it.</summary>
public sealed record SubscriptionInput(string? Follows, string? ProjectKey, Guid? MemberId, string? Topic, string? SdgTarget,
    string? FederalState, string? Channel, string? Url, string? Email, string? Frequency);
