using MassTransit;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>Sends a batch of due deliveries (<see cref="WebhookCourier"/>).</summary>
public sealed class WebhookSending(WebhookCourier courier) : IConsumer<WebhookDeliveriesDue>
{
    public Task Consume(ConsumeContext<WebhookDeliveriesDue> context) => courier.DeliverAsync([.. context.Message.DeliveryIds], context.CancellationToken);
}

/// <summary>
/// At most <see cref="WebhookOptions.ConcurrentBatches"/> batches at once per instance, each with its own posts in flight:
/// enough to keep slow receivers from holding up the rest, few enough that the couriers' writes do not queue for the
/// database's single writer and the service's own work keeps room.
/// </summary>
public sealed class WebhookSendingDefinition : ConsumerDefinition<WebhookSending>
{
    public WebhookSendingDefinition(IOptions<WebhookOptions> options) => ConcurrentMessageLimit = options.Value.ConcurrentBatches;
}
