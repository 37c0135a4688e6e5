using System.Diagnostics;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// Makes one attempt at a due delivery. It first claims the delivery with a conditional update (still pending or retrying,
/// due, and nobody else's claim running), so that a duplicate message, a second instance or a redelivery after success never
/// sends it twice; then posts the signed event, keeps the attempt, and either ends the delivery (2xx) or schedules the next
/// attempt (<see cref="RetrySchedule"/>) or gives it up.
/// </summary>
public sealed class WebhookCourier(NotificationsDb db, WebhookClient client, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookCourier> logger)
{
    public async Task DeliverAsync(Guid deliveryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimedUntil = now + 3 * options.Value.Timeout;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.ClaimedUntil, claimedUntil), ct);
        if (claimed == 0)
            return;
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, ct);
        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == delivery.NoticeId, ct);

        var attempt = subscription.IsActive
            ? await SendAsync(subscription, notice, ct)
            : new DeliveryAttempt(now, null, "Der Endpunkt ist nicht bestätigt; nichts gesendet.", 0);
        Record(delivery, attempt);
        await db.SaveChangesAsync(CancellationToken.None);
        // A thousand subscribers make a thousand successes per notice: only what went wrong is worth an information line.
        logger.Log(delivery.Status == DeliveryStatus.Delivered ? LogLevel.Debug : LogLevel.Information,
            "Webhook delivery {Delivery} of {Notice}: {Status} after attempt {Attempt} ({StatusCode} {Error})",
            delivery.Id, notice.Id, delivery.Status, delivery.Attempts.Count, attempt.StatusCode, attempt.Error);
    }

    async Task<DeliveryAttempt> SendAsync(Subscription subscription, Notice notice, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var body = WebhookEvent.Encode(notice, options.Value.Hub);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = WebhookEvent.ContentType } },
        };
        WebhookSignature.Sign(request, subscription, notice.Id.ToString(), body, at);
        var watch = Stopwatch.StartNew();
        var answer = await client.CallAsync(request, ct);
        return new DeliveryAttempt(at, answer.StatusCode, answer.Error, (int)watch.ElapsedMilliseconds);
    }

    void Record(WebhookDelivery delivery, DeliveryAttempt attempt)
    {
        var now = clock.GetUtcNow();
        delivery.Attempts = [.. delivery.Attempts, attempt];
        delivery.RoundStartedAt ??= attempt.At;
        delivery.ClaimedUntil = null;
        delivery.QueuedAt = null;
        if (attempt is { StatusCode: >= 200 and < 300 })
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            return;
        }
        delivery.RoundFailures++;
        var wait = RetrySchedule.NextWait(options.Value, delivery.RoundFailures, now - delivery.RoundStartedAt.Value);
        delivery.Status = wait is null ? DeliveryStatus.Failed : DeliveryStatus.Retrying;
        delivery.NextAttemptAt = now + wait;
    }
}
