namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// A delivery in the subscriber's log: the event, its status (<c>pending</c>, <c>retrying</c>, <c>delivered</c>, or
/// <c>failed</c> once given up) and every attempt, oldest first.
/// </summary>
public sealed record DeliveryDto(Guid Id, Guid NoticeId, string EventType, string Title, string Status, int AttemptCount,
    IReadOnlyList<DeliveryAttempt> Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static DeliveryDto From(WebhookDelivery delivery, string eventType, string title) => new(
        delivery.Id, delivery.NoticeId, eventType, title, delivery.Status.ToString().ToLowerInvariant(), delivery.Attempts.Count,
        delivery.Attempts, delivery.CreatedAt, delivery.NextAttemptAt, delivery.DeliveredAt);
}
