using System.Diagnostics;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// Makes one attempt at each due delivery of a batch. It first claims the batch with one conditional update that marks the
/// rows still pending or retrying, due, and free of anyone else's running claim with a claim token of its own, and then sends
/// exactly the rows carrying that token: so a duplicate message, a second instance or a redelivery after success never sends
/// one twice. It reads the batch's subscriptions and notices in one query each, posts the signed events
/// (<see cref="WebhookOptions.ConcurrentPosts"/> at once), and records every attempt in one SaveChanges: a 2xx ends a delivery,
/// a failure schedules its next attempt (<see cref="RetrySchedule"/>) or gives it up.
/// </summary>
public sealed class WebhookCourier(NotificationsDb db, WebhookClient client, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookCourier> logger)
{
    public async Task DeliverAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken ct)
    {
        var deliveries = await ClaimAsync(deliveryIds, ct);
        if (deliveries.Count == 0)
            return;
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var noticeIds = deliveries.Select(d => d.NoticeId).Distinct().ToList();
        var notices = await db.Notices.AsNoTracking().Where(n => noticeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        // Every subscriber of a notice gets the same bytes: encode them once per notice, not once per delivery.
        var bodies = notices.Values.ToDictionary(n => n.Id, n => WebhookEvent.Encode(n, options.Value.Hub));

        var attempts = new DeliveryAttempt[deliveries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentPosts, CancellationToken = ct },
            async (i, token) =>
            {
                var delivery = deliveries[i];
                var subscription = subscriptions[delivery.SubscriptionId];
                attempts[i] = subscription.IsActive
                    ? await SendAsync(subscription, delivery.NoticeId, bodies[delivery.NoticeId], token)
                    : new DeliveryAttempt(clock.GetUtcNow(), null, "Der Endpunkt ist nicht bestätigt; nichts gesendet.", 0);
            });
        for (var i = 0; i < deliveries.Count; i++)
            Record(deliveries[i], attempts[i]);
        await db.SaveChangesAsync(CancellationToken.None);
        for (var i = 0; i < deliveries.Count; i++)
            Log(deliveries[i], attempts[i]);
    }

    /// <summary>The deliveries of the batch this courier won, tracked; none if another holds them or they are not due.</summary>
    async Task<List<WebhookDelivery>> ClaimAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var claimedUntil = now + options.Value.ClaimFor(deliveryIds.Count);
        var claimed = await db.WebhookDeliveries
            .Where(d => deliveryIds.Contains(d.Id) && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying)
                && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.ClaimedUntil, claimedUntil).SetProperty(x => x.ClaimedBy, claim), ct);
        return claimed == 0 ? [] : await db.WebhookDeliveries.Where(d => deliveryIds.Contains(d.Id) && d.ClaimedBy == claim).ToListAsync(ct);
    }

    async Task<DeliveryAttempt> SendAsync(Subscription subscription, Guid noticeId, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = WebhookEvent.ContentType } },
        };
        WebhookSignature.Sign(request, subscription, noticeId.ToString(), body, at);
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
        delivery.ClaimedBy = null;
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

    // A thousand subscribers make a thousand successes per notice: only what went wrong is worth an information line.
    void Log(WebhookDelivery delivery, DeliveryAttempt attempt) =>
        logger.Log(delivery.Status == DeliveryStatus.Delivered ? LogLevel.Debug : LogLevel.Information,
            "Webhook delivery {Delivery} of {Notice}: {Status} after attempt {Attempt} ({StatusCode} {Error})",
            delivery.Id, delivery.NoticeId, delivery.Status, delivery.Attempts.Count, attempt.StatusCode, attempt.Error);
}
