namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// The service's own message: a webhook delivery is due. One per delivery, so that the broker spreads a notice's thousand
/// deliveries over the senders; a duplicate is harmless, as the sender claims the delivery before sending.
/// </summary>
public sealed record WebhookDeliveryDue(Guid DeliveryId);
