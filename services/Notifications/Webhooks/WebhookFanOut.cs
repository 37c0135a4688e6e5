using Kommune20.Messaging;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// A public notice reaches every verified webhook subscription that follows it: one delivery row each and one
/// <see cref="WebhookDeliveriesDue"/> per batch of them, all committed in one SaveChanges through the outbox. The subscriptions are read in
/// one query (a project follower only for this notice's project, by the index on what it follows) and matched in memory; a
/// subscription that already has a delivery of this notice gets no second one.
/// </summary>
public sealed class WebhookFanOut(NotificationsDb db, IOptions<WebhookOptions> options, TimeProvider clock) : IConsumer<NoticeRecorded>
{
    public async Task Consume(ConsumeContext<NoticeRecorded> context)
    {
        var ct = context.CancellationToken;
        if (await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == context.Message.NoticeId, ct) is not { IsPublic: true } notice)
            return;
        var candidates = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Channel == Channel.Webhook && s.VerifiedAt != null
                && (s.Follows.Kind != FollowKind.Project || s.Follows.ProjectKey == notice.ProjectKey))
            .ToListAsync(ct);
        var reached = (await db.WebhookDeliveries.Where(d => d.NoticeId == notice.Id).Select(d => d.SubscriptionId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var deliveries = candidates.Where(s => s.Follows.Matches(notice) && !reached.Contains(s.Id)).Select(subscription => new WebhookDelivery
        {
            Id = NewId.NextGuid(),
            SubscriptionId = subscription.Id,
            NoticeId = notice.Id,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            QueuedAt = now,
        }).ToList();
        if (deliveries.Count == 0)
            return;
        db.WebhookDeliveries.AddRange(deliveries);
        foreach (var batch in WebhookDeliveriesDue.Batches(deliveries.Select(d => d.Id), options.Value.BatchSize))
            db.AddIntegrationEvent(batch);
        await db.SaveChangesAsync(ct);
    }
}
