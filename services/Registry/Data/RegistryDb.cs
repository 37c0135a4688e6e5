using Kommune20.Data;
using Kommune20.Data.Audit;
using Kommune20.Messaging;
using Kommune20.Registry.Clients;
using Kommune20.Registry.Identity;
using Kommune20.Registry.Members;
using Kommune20.Registry.People;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Data;

public class RegistryDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<Member> Members => Set<Member>();
    public DbSet<NetworkMembership> NetworkMemberships => Set<NetworkMembership>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ClientRegistration> Clients => Set<ClientRegistration>();
    public DbSet<FailedSignIns> FailedSignIns => Set<FailedSignIns>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Member>(member =>
        {
            member.Property(m => m.Name).HasMaxLength(MemberRules.MaxNameLength);
            member.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
            member.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.Ags).HasMaxLength(8);
            member.HasIndex(m => m.Ags).IsUnique();
            member.HasIndex(m => m.SortKey);
            member.Ignore(m => m.MayVote);
        });
        model.Entity<NetworkMembership>(edge =>
        {
            edge.HasKey(e => new { e.NetworkId, e.MemberId });
            edge.HasIndex(e => e.MemberId);
            edge.HasOne<Member>().WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Restrict);
            edge.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<Person>(person =>
        {
            person.HasIndex(p => p.UserName).IsUnique();
            person.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<ClientRegistration>(client =>
        {
            client.HasKey(c => c.ClientId);
            client.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<FailedSignIns>(failures =>
        {
            failures.HasKey(f => f.Key);
            failures.Property(f => f.Key).HasMaxLength(300);
        });
        model.UseOpenIddict();
        model.AddOutboxAndInbox();
        model.AddAuditLog();
    }
}
