using Kommune20.Contracts.Federation;
using Kommune20.Data;
using Kommune20.Data.Audit;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Members;
using Kommune20.Library.Portraits;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Data;

public class LibraryDb(DbContextOptions options) : ServiceDb(options)
{
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<MemberCard> MemberCards => Set<MemberCard>();
    public DbSet<Adoption> Adoptions => Set<Adoption>();
    public DbSet<AdoptionInterest> AdoptionInterests => Set<AdoptionInterest>();
    public DbSet<CityPortrait> CityPortraits => Set<CityPortrait>();
    public DbSet<IndexedRevision> IndexedRevisions => Set<IndexedRevision>();
    public DbSet<SearchIndexSeen> SearchIndexes => Set<SearchIndexSeen>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Practice>(practice =>
        {
            practice.HasIndex(p => new { p.OriginMemberId, p.OriginId }).IsUnique();
            practice.Property(p => p.OriginId).HasMaxLength(RecordRules.MaxOriginIdLength);
            // The record is replaced whole, never edited in place, so it is kept as the JSON the city sent.
            practice.Property(p => p.Record).HasJsonConversion();
            // Events for one practice arrive on several queues at once; a change saved on a stale read fails and is retried.
            practice.Property(p => p.Revision).IsConcurrencyToken();
            // The indexer compares every practice's revision with its own in id order (PendingPractices): from this index
            // alone, instead of reading each practice's row, which at a million practices took five times as long.
            practice.HasIndex(p => new { p.Id, p.Revision });
            practice.Ignore(p => p.IsListed);
        });
        model.Entity<IndexedRevision>(indexed => indexed.HasKey(i => new { i.IndexId, i.PracticeId }));
        model.Entity<SearchIndexSeen>(seen => seen.HasKey(s => s.IndexId));
        model.Entity<MemberCard>(card => card.HasKey(c => c.MemberId));
        model.Entity<Adoption>(adoption =>
        {
            adoption.HasIndex(a => new { a.PracticeId, a.AdopterMemberId }).IsUnique();
            adoption.HasIndex(a => a.AdopterMemberId);
            adoption.HasIndex(a => a.OriginMemberId);
            adoption.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
            adoption.Property(a => a.Outcomes).HasJsonConversion();
            adoption.HasOne<Practice>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);
            adoption.Ignore(a => a.IsVerified);
        });
        model.Entity<AdoptionInterest>(interest =>
        {
            interest.HasIndex(i => i.PracticeId);
            interest.HasIndex(i => i.MemberId);
            interest.HasOne<Practice>().WithMany().HasForeignKey(i => i.PracticeId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<CityPortrait>(portrait =>
        {
            portrait.HasIndex(p => new { p.OriginMemberId, p.OriginId }).IsUnique();
            portrait.HasIndex(p => new { p.OriginMemberId, p.IsShown });
            portrait.Property(p => p.OriginId).HasMaxLength(RecordRules.MaxOriginIdLength);
            portrait.Property(p => p.Record).HasJsonConversion();
            // An update and a withdrawal handled at once must not both win: the later save fails and its message is retried.
            portrait.Property(p => p.Version).IsConcurrencyToken();
            portrait.Ignore(p => p.IsListed);
        });
        model.AddOutboxAndInbox();
        model.AddAuditLog();
    }
}
