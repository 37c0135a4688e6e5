using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Network;
using Kommune20.CityNode.Records;
using Kommune20.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Data;

public class NodeDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<CityRecord> Records => Set<CityRecord>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();

    /// <summary>The newest version in one origin member's change log (0 while it is empty).</summary>
    public async Task<long> HeadVersionAsync(Guid origin, CancellationToken cancellationToken) =>
        await ChangeLog.Where(entry => entry.OriginMemberId == origin).MaxAsync(entry => (long?)entry.Version, cancellationToken) ?? 0;
    public DbSet<FederationStatus> FederationStatus => Set<FederationStatus>();
    public DbSet<RejectedChange> RejectedChanges => Set<RejectedChange>();
    public DbSet<HandedOverMember> HandedOver => Set<HandedOverMember>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<CityRecord>(record =>
        {
            record.ToTable("records");
            record.HasKey(r => new { r.OriginMemberId, r.Kind, r.Id });
            record.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.Id).HasMaxLength(100);
        });
        model.Entity<ChangeLogEntry>(entry =>
        {
            entry.ToTable("change_log");
            entry.HasKey(e => new { e.OriginMemberId, e.Version });
            entry.Property(e => e.Version).ValueGeneratedNever();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.RecordId).HasMaxLength(100);
        });
        model.Entity<FederationStatus>(status =>
        {
            status.ToTable("federation_status");
            status.HasKey(s => s.OriginMemberId);
        });
        model.Entity<RejectedChange>(rejected =>
        {
            rejected.ToTable("rejected_changes");
            rejected.HasKey(r => new { r.OriginMemberId, r.Kind, r.RecordId });
            rejected.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<HandedOverMember>(handedOver =>
        {
            handedOver.ToTable("handed_over");
            handedOver.HasKey(h => h.MemberId);
        });
    }
}
