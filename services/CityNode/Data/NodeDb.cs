using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Records;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Data;

public sealed class NodeDb(DbContextOptions<NodeDb> options) : DbContext(options)
{
    public DbSet<CityRecord> Records => Set<CityRecord>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<FederationStatus> FederationStatus => Set<FederationStatus>();
    public DbSet<RejectedChange> RejectedChanges => Set<RejectedChange>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<CityRecord>(record =>
        {
            record.ToTable("records");
            record.HasKey(r => new { r.Kind, r.Id });
            record.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.Id).HasMaxLength(100);
        });
        model.Entity<ChangeLogEntry>(entry =>
        {
            entry.ToTable("change_log");
            entry.HasKey(e => e.Version);
            entry.Property(e => e.Version).ValueGeneratedNever();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.RecordId).HasMaxLength(100);
        });
        model.Entity<FederationStatus>(status =>
        {
            status.ToTable("federation_status");
            status.Property(s => s.Id).ValueGeneratedNever();
        });
        model.Entity<RejectedChange>(rejected =>
        {
            rejected.ToTable("rejected_changes");
            rejected.HasKey(r => new { r.Kind, r.RecordId });
            rejected.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        });
    }
}
