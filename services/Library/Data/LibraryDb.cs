using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Audit;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kommune20.Library.Data;

public sealed class LibraryDb(DbContextOptions<LibraryDb> options) : DbContext(options)
{
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<MemberCard> MemberCards => Set<MemberCard>();
    public DbSet<Adoption> Adoptions => Set<Adoption>();
    public DbSet<AdoptionInterest> AdoptionInterests => Set<AdoptionInterest>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Practice>(practice =>
        {
            practice.HasIndex(p => new { p.OriginMemberId, p.OriginId }).IsUnique();
            practice.Property(p => p.OriginId).HasMaxLength(RecordRules.MaxOriginIdLength);
            // The record is replaced whole, never edited in place, so it is kept as the JSON the city sent.
            practice.Property(p => p.Record).HasConversion(JsonColumn<PracticeRecord>());
            // Events for one practice arrive on several queues at once; a change saved on a stale read fails and is retried.
            practice.Property(p => p.Revision).IsConcurrencyToken();
            practice.Ignore(p => p.IsListed);
        });
        model.Entity<MemberCard>(card => card.HasKey(c => c.MemberId));
        model.Entity<Adoption>(adoption =>
        {
            adoption.HasIndex(a => new { a.PracticeId, a.AdopterMemberId }).IsUnique();
            adoption.HasIndex(a => a.AdopterMemberId);
            adoption.HasIndex(a => a.OriginMemberId);
            adoption.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
            adoption.Property(a => a.Outcomes).HasConversion(JsonColumn<List<AdoptionOutcome>>(), OutcomesComparer);
            adoption.HasOne<Practice>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);
            adoption.Ignore(a => a.IsVerified);
        });
        model.Entity<AdoptionInterest>(interest =>
        {
            interest.HasIndex(i => i.PracticeId);
            interest.HasIndex(i => i.MemberId);
            interest.HasOne<Practice>().WithMany().HasForeignKey(i => i.PracticeId).OnDelete(DeleteBehavior.Restrict);
        });
        model.AddOutboxAndInbox();
        model.AddAuditLog();
    }

    // EF Core never hands null to a converter: a null property stays a null column.
    static ValueConverter JsonColumn<T>() where T : class => new ValueConverter<T, string>(
        value => JsonSerializer.Serialize(value, Json.Options),
        json => JsonSerializer.Deserialize<T>(json, Json.Options)!);

    static readonly ValueComparer<List<AdoptionOutcome>> OutcomesComparer = new(
        (left, right) => left!.SequenceEqual(right!),
        list => list.Aggregate(0, (hash, outcome) => HashCode.Combine(hash, outcome)),
        list => list.ToList());
}
