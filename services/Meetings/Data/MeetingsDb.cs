using Kommune20.Data;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Calendar;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Guests;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Practices;
using Kommune20.Meetings.Votes;
using Kommune20.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Data;

public class MeetingsDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<GeneralAssembly> Assemblies => Set<GeneralAssembly>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Motion> Motions => Set<Motion>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<MemberDelegate> Delegates => Set<MemberDelegate>();
    public DbSet<Proxy> Proxies => Set<Proxy>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<SecretBallot> SecretBallots => Set<SecretBallot>();
    public DbSet<BallotCast> BallotsCast => Set<BallotCast>();
    public DbSet<Minutes> Minutes => Set<Minutes>();
    public DbSet<CityEvent> CityEvents => Set<CityEvent>();
    public DbSet<LibraryPractice> LibraryPractices => Set<LibraryPractice>();

    // Exchange sessions (Exchange/ExchangeModel.cs)
    public DbSet<ExchangeSession> ExchangeSessions => Set<ExchangeSession>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<AudienceQuestion> AudienceQuestions => Set<AudienceQuestion>();
    public DbSet<AudienceVote> AudienceVotes => Set<AudienceVote>();
    public DbSet<Takeaway> Takeaways => Set<Takeaway>();
    public DbSet<GuestAccess> GuestAccesses => Set<GuestAccess>();
    public DbSet<GuestPass> GuestPasses => Set<GuestPass>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) => conventions.StoreMomentsAsUtcTicks(this);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<GeneralAssembly>(assembly =>
        {
            assembly.HasIndex(a => a.StartsAt);
            assembly.Property(a => a.InvitedMemberIds).HasJsonConversion();
            assembly.HasMany(a => a.Agenda).WithOne().HasForeignKey(i => i.AssemblyId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AgendaItem>(item =>
        {
            item.HasIndex(i => new { i.AssemblyId, i.Position });
            item.Property(i => i.Documents).HasJsonConversion();
        });
        model.Entity<Motion>(motion =>
        {
            motion.HasIndex(m => m.AssemblyId);
            motion.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
            motion.HasOne<GeneralAssembly>().WithMany().HasForeignKey(m => m.AssemblyId).OnDelete(DeleteBehavior.Restrict);
            motion.HasMany(m => m.Amendments).WithOne().HasForeignKey(a => a.MotionId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<MemberDelegate>(delegation =>
        {
            delegation.HasIndex(d => new { d.AssemblyId, d.PersonId }).IsUnique();
            delegation.HasIndex(d => new { d.AssemblyId, d.MemberId });
        });
        model.Entity<Proxy>(proxy => proxy.HasIndex(p => new { p.AssemblyId, p.GrantorId }));
        model.Entity<Vote>(vote =>
        {
            vote.HasIndex(v => v.AssemblyId);
            vote.Property(v => v.Majority).HasConversion<string>().HasMaxLength(24);
            vote.Property(v => v.Roll).HasJsonConversion();
            vote.Property(v => v.Casters).HasJsonConversion();
            vote.Ignore(v => v.IsOpen);
            vote.Ignore(v => v.Result);
        });
        // One ballot per member and vote, enforced by the database whatever the requests race to do.
        model.Entity<Ballot>(ballot =>
        {
            ballot.HasKey(b => new { b.VoteId, b.MemberId });
            ballot.Property(b => b.Choice).HasConversion<string>().HasMaxLength(8);
        });
        model.Entity<SecretBallot>(ballot =>
        {
            ballot.HasIndex(b => new { b.VoteId, b.ReceiptCode }).IsUnique();
            ballot.Property(b => b.Choice).HasConversion<string>().HasMaxLength(8);
        });
        model.Entity<BallotCast>(cast => cast.HasKey(c => new { c.VoteId, c.MemberId }));
        model.Entity<Minutes>(minutes =>
        {
            minutes.HasKey(m => m.AssemblyId);
            minutes.Property(m => m.Version).IsConcurrencyToken();
        });
        model.Entity<CityEvent>(cityEvent =>
        {
            cityEvent.HasIndex(e => new { e.OriginMemberId, e.OriginId }).IsUnique();
            cityEvent.HasIndex(e => e.EndsAt);
            cityEvent.Property(e => e.OriginId).HasMaxLength(100);
            cityEvent.Property(e => e.Record).HasJsonConversion();
            // Two versions handled at once must not both win: the later save fails and its message is retried against the newer row.
            cityEvent.Property(e => e.Version).IsConcurrencyToken();
            cityEvent.Ignore(e => e.IsListed);
        });
        model.Entity<LibraryPractice>(practice =>
        {
            practice.HasIndex(p => new { p.OriginMemberId, p.OriginId }).IsUnique();
            practice.Property(p => p.OriginId).HasMaxLength(100);
            // Two versions handled at once must not both win: the later save fails and its message is retried against the newer row.
            practice.Property(p => p.Version).IsConcurrencyToken();
            practice.Property(p => p.Record).HasJsonConversion();
            practice.Ignore(p => p.Title);
            practice.Ignore(p => p.IsListed);
            practice.Ignore(p => p.MayBeLinked);
        });
        model.AddExchangeSessions();
        model.AddOutboxAndInbox();
        model.AddAuditLog();
    }
}
