using System.Diagnostics;
using System.Text.Json;
using Kommune20.Data;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's own database.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(message => message.Sequence);
            outbox.Property(message => message.Sequence).ValueGeneratedOnAdd();
            outbox.HasIndex(message => message.MessageId).IsUnique();
            // Pruning compares these two with a cutoff, which SQLite cannot do with DateTimeOffset: UTC ticks compare anywhere.
            outbox.Property(message => message.SentAt).HasConversion<SqliteMoments.UtcTicksConverter>();
            outbox.HasIndex(message => message.SentAt);
            outbox.HasIndex(message => message.DeadLetteredAt);
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(message => new { message.MessageId, message.Consumer });
            inbox.Property(message => message.ProcessedAt).HasConversion<SqliteMoments.UtcTicksConverter>();
            inbox.HasIndex(message => message.ProcessedAt);
        });
        return model;
    }

    /// <summary>
    /// Stages an integration event in the outbox. It is committed by the caller's next SaveChanges together with
    /// the state change, and published to RabbitMQ after the commit.
    /// </summary>
    public static void AddIntegrationEvent<TMessage>(this DbContext db, TMessage message) where TMessage : class
    {
        var type = typeof(TMessage);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, Json.Options),
            CreatedAt = DateTimeOffset.UtcNow,
            TraceParent = Activity.Current?.Id,
        });
    }
}
