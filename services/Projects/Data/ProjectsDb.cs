using Kommune20.Contracts.Federation;
using Kommune20.Data;
using Kommune20.Data.Audit;
using Kommune20.Messaging;
using Kommune20.Projects.Acceptance;
using Kommune20.Projects.Pilots;
using Kommune20.Projects.Transfer;
using Kommune20.Projects.Updates;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Data;

public class ProjectsDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<PilotProject> Projects => Set<PilotProject>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ProjectUpdate> Updates => Set<ProjectUpdate>();
    public DbSet<AcceptanceMeasurement> Measurements => Set<AcceptanceMeasurement>();
    public DbSet<TransferReport> TransferReports => Set<TransferReport>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.StoreMomentsAsUtcTicks(this);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PilotProject>(project =>
        {
            project.HasIndex(p => p.Key).IsUnique();
            project.Property(p => p.Key).HasMaxLength(RecordRules.MaxProjectKeyLength);
            project.Property(p => p.Phase).HasConversion<string>().HasMaxLength(16);
            project.Property(p => p.Revision).IsConcurrencyToken();
            project.HasMany(p => p.Participants).WithOne().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
            project.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
            project.HasMany(p => p.PhaseChanges).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
            project.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ProjectParticipant>(participant => participant.HasKey(p => new { p.ProjectId, p.MemberId }));
        // Rows added to a tracked project's lists carry their ids from the start: never generated, so EF inserts them.
        model.Entity<ProjectPartner>(partner => partner.Property(p => p.Id).ValueGeneratedNever());
        model.Entity<PhaseChange>(change =>
        {
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<Milestone>(milestone =>
        {
            milestone.Property(m => m.Id).ValueGeneratedNever();
            milestone.HasIndex(m => m.DueOn);
        });
        model.Entity<ProjectUpdate>(update =>
        {
            update.HasIndex(u => new { u.OriginMemberId, u.OriginId }).IsUnique();
            update.HasIndex(u => new { u.ProjectId, u.PostedAt });
            update.Property(u => u.Record).HasJsonConversion();
            update.Property(u => u.Source).HasConversion<string>().HasMaxLength(8);
            // Two versions handled at once must not both win: the later save fails and its message is retried against the newer row.
            update.Property(u => u.Version).IsConcurrencyToken();
            update.Ignore(u => u.IsListed);
            update.Ignore(u => u.IsShown);
        });
        model.Entity<TransferReport>(report =>
        {
            report.HasIndex(r => new { r.OriginMemberId, r.OriginId }).IsUnique();
            report.HasIndex(r => r.ProjectId);
            report.Property(r => r.OriginId).HasMaxLength(RecordRules.MaxOriginIdLength);
            report.Property(r => r.Record).HasJsonConversion();
            report.Property(r => r.Version).IsConcurrencyToken();
            report.Ignore(r => r.IsListed);
        });
        model.Entity<AcceptanceMeasurement>(measurement =>
        {
            measurement.HasIndex(m => new { m.ProjectId, m.HeldOn });
            measurement.Property(m => m.Kind).HasConversion<string>().HasMaxLength(8);
            measurement.Property(m => m.AudienceGroups).HasJsonConversion();
            measurement.Property(m => m.Questions).HasJsonConversion();
            measurement.Ignore(m => m.ApprovalPercent);
        });
        model.AddOutboxAndInbox();
        model.AddAuditLog();
    }
}
