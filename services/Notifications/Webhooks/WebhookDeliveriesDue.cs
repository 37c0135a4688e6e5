namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// The service's own message: these webhook deliveries are due. One per batch (<see cref="WebhookOptions.BatchSize"/>), so that
/// a notice's thousand deliveries cost the outbox, the broker and the inbox a handful of messages and the courier a handful of
/// database writes, while the broker still spreads the batches over the senders; a duplicate is harmless, as the courier
/// claims the deliveries before sending.
/// </summary>
public sealed record WebhookDeliveriesDue(IReadOnlyList<Guid> DeliveryIds)
{
    /// <summary>The messages for <paramref name="deliveryIds"/>, at most <paramref name="size"/> deliveries each.</summary>
    public static IEnumerable<WebhookDeliveriesDue> Batches(IEnumerable<Guid> deliveryIds, int size) =>
        deliveryIds.Chunk(size).Select(batch => new WebhookDeliveriesDue(batch));
}
