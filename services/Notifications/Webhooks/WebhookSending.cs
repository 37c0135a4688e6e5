using MassTransit;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>Sends a due delivery (<see cref="WebhookCourier"/>).</summary>
public sealed class WebhookSending(WebhookCourier courier) : IConsumer<WebhookDeliveryDue>
{
    public Task Consume(ConsumeContext<WebhookDeliveryDue> context) => courier.DeliverAsync(context.Message.DeliveryId, context.CancellationToken);
}

/// <summary>
/// At most <see cref="WebhookOptions.ConcurrentDeliveries"/> deliveries at once per instance: enough to keep slow receivers
/// from holding up the rest, few enough to leave the service's own work room.
/// </summary>
public sealed class WebhookSendingDefinition : ConsumerDefinition<WebhookSending>
{
    public WebhookSendingDefinition(IOptions<WebhookOptions> options) => ConcurrentMessageLimit = options.Value.ConcurrentDeliveries;
}
