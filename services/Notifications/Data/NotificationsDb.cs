using Kommune20.Data;
using Kommune20.Messaging;
using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.Notifications.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Data;

public class NotificationsDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.StoreMomentsAsUtcTicks(this);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Notice>(notice =>
        {
            notice.Property(n => n.Id).ValueGeneratedNever();
            notice.HasIndex(n => new { n.Subject, n.SupersededAt });
            notice.HasIndex(n => new { n.ProjectKey, n.OccurredAt });
            notice.HasIndex(n => n.OccurredAt);
            notice.Property(n => n.MemberIds).HasJsonConversion();
            notice.Property(n => n.Topics).HasJsonConversion();
            notice.Property(n => n.SdgTargets).HasJsonConversion();
            notice.Property(n => n.FederalStates).HasJsonConversion();
        });
        model.Entity<Subscription>(subscription =>
        {
            subscription.HasIndex(s => s.MemberId);
            subscription.Property(s => s.Channel).HasConversion<string>().HasMaxLength(8);
            subscription.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(8);
            subscription.OwnsOne(s => s.Follows, follows =>
            {
                follows.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
                follows.HasIndex(f => new { f.Kind, f.ProjectKey });
            });
            subscription.Ignore(s => s.IsActive);
            subscription.Property(s => s.Email).HasMaxLength(DigestEnrolment.MaxEmailLength);
            subscription.Property(s => s.ConfirmationTokenHash).HasMaxLength(64);
            subscription.HasIndex(s => s.ConfirmationTokenHash).IsUnique();
            subscription.Property(s => s.UnsubscribeToken).HasMaxLength(EmailTokens.MaxLength);
            subscription.HasIndex(s => s.UnsubscribeToken).IsUnique();
            subscription.HasIndex(s => new { s.Channel, s.Frequency, s.LastDigestAt });
        });
        model.Entity<OutgoingMail>(mail =>
        {
            mail.Property(m => m.Id).ValueGeneratedNever();
            mail.Property(m => m.Kind).HasMaxLength(16);
            mail.HasIndex(m => new { m.GaveUpAt, m.NextAttemptAt });
            // Ending a subscription drops what was still to be sent to it.
            mail.HasOne<Subscription>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.AddWebhookDeliveries();
        model.AddOutboxAndInbox();
    }
}
