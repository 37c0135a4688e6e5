using Kommune20.Data;
using Kommune20.Federation.Replicas;
using Kommune20.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Data;

public class FederationDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<Replica> Replicas => Set<Replica>();
    public DbSet<FeedCursor> Cursors => Set<FeedCursor>();
    public DbSet<QuarantinedChange> Quarantine => Set<QuarantinedChange>();
    public DbSet<RefusalCount> Refusals => Set<RefusalCount>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Replica>(replica =>
        {
            replica.ToTable("replicas");
            replica.HasKey(r => new { r.OriginMemberId, r.Kind, r.OriginId });
            replica.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            replica.Property(r => r.Visibility).HasConversion<string>().HasMaxLength(16);
            replica.Property(r => r.OriginId).HasMaxLength(100);
            replica.Property(r => r.Title).HasMaxLength(200);
            // Several Federation instances (PostgreSQL) may race on one record: the loser's commit fails and is retried
            // on fresh rows, where the version check decides again.
            replica.Property(r => r.Version).IsConcurrencyToken();
            replica.HasIndex(r => new { r.Kind, r.Title });
            replica.Ignore(r => r.IsWithdrawn);
            replica.Ignore(r => r.Origin);
            replica.Ignore(r => r.RelayedBy);
        });
        model.Entity<FeedCursor>(cursor =>
        {
            cursor.ToTable("feed_cursors");
            cursor.HasKey(c => new { c.SourceMemberId, c.OriginMemberId });
            cursor.HasIndex(c => c.OriginMemberId);
            cursor.Ignore(c => c.Lag);
        });
        model.Entity<QuarantinedChange>(quarantined =>
        {
            quarantined.ToTable("quarantined_changes");
            quarantined.Property(q => q.Id).ValueGeneratedOnAdd();
            quarantined.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
            quarantined.Property(q => q.Code).HasMaxLength(32);
            quarantined.HasIndex(q => new { q.OriginMemberId, q.ResolvedAt });
            // The office's federation state lists the open changes of every city: the index above cannot serve that without a city.
            quarantined.HasIndex(q => q.ResolvedAt);
            quarantined.HasIndex(q => new { q.SourceMemberId, q.OriginMemberId, q.Id });
        });
        model.Entity<RefusalCount>(refusal =>
        {
            refusal.ToTable("refusal_counts");
            refusal.HasKey(r => new { r.SourceMemberId, r.OriginMemberId, r.Reason });
            refusal.Property(r => r.Reason).HasMaxLength(32);
            refusal.HasIndex(r => r.OriginMemberId);
        });
        model.AddOutboxAndInbox();
    }
}
