using Kommune20.Data;
using Kommune20.Notifications.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Webhooks;

public static class WebhookDeliveryModel
{
    /// <summary>Deliveries: one per subscription and notice, found by due time and by subscription, gone with their subscription.</summary>
    public static void AddWebhookDeliveries(this ModelBuilder model) => model.Entity<WebhookDelivery>(delivery =>
    {
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.HasIndex(d => new { d.SubscriptionId, d.NoticeId }).IsUnique();
        delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => d.NoticeId);
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        delivery.Property(d => d.Attempts).HasJsonConversion();
        delivery.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    });
}
