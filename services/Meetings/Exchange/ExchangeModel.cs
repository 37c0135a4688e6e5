using Kommune20.Data;
using Kommune20.Meetings.Exchange.Guests;
using Kommune20.Meetings.Exchange.Live;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange;

/// <summary>The exchange sessions' tables in the Meetings database.</summary>
public static class ExchangeModel
{
    public static ModelBuilder AddExchangeSessions(this ModelBuilder model)
    {
        model.Entity<ExchangeSession>(session =>
        {
            session.HasIndex(s => s.StartsAt);
            session.HasMany(s => s.Moderators).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Panelists).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SessionModerator>(moderator => moderator.HasKey(m => new { m.SessionId, m.PersonId }));
        model.Entity<Panelist>(panelist =>
        {
            panelist.HasIndex(p => new { p.SessionId, p.PersonId }).IsUnique();
            panelist.Property(p => p.Questions).HasJsonConversion();
        });
        model.Entity<GuidingQuestion>(question => question.HasIndex(q => new { q.SessionId, q.Position }));
        model.Entity<Statement>(statement =>
        {
            statement.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            statement.Property(s => s.Practices).HasJsonConversion();
            statement.HasIndex(s => new { s.SessionId, s.PanelistId });
            // One answer per panelist and question, and one preface, whatever two requests race to do; general statements may be several.
            statement.HasIndex(s => new { s.PanelistId, s.Kind, s.QuestionId }).IsUnique().HasFilter("\"Kind\" = 'Answer'");
            statement.HasIndex(s => new { s.PanelistId, s.Kind }).IsUnique().HasFilter("\"Kind\" = 'Preface'");
            statement.HasOne<Panelist>().WithMany().HasForeignKey(s => s.PanelistId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Reminder>(reminder =>
        {
            reminder.HasIndex(r => new { r.SessionId, r.PanelistId });
            reminder.Property(r => r.OpenQuestionIds).HasJsonConversion();
        });
        model.Entity<AudienceQuestion>(question => question.HasIndex(q => new { q.SessionId, q.AskedAt }));
        // One upvote per participant (a person, or a guest) and question, held by the key whatever two requests race to do.
        model.Entity<AudienceVote>(vote =>
        {
            vote.HasKey(v => new { v.QuestionId, v.ParticipantId, v.ByGuest });
            vote.HasOne<AudienceQuestion>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Takeaway>(takeaway =>
        {
            takeaway.HasIndex(t => new { t.SessionId, t.GuidingQuestionId });
            takeaway.Property(t => t.Practices).HasJsonConversion();
        });
        model.Entity<GuestAccess>(access =>
        {
            access.HasKey(a => a.SessionId);
            access.HasIndex(a => a.Code).IsUnique();
            access.Property(a => a.Code).HasMaxLength(16);
            access.HasOne<ExchangeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        // A pass belongs to the open access: closing it takes the passes along, and no pass is added to a closed one.
        model.Entity<GuestPass>(pass =>
        {
            pass.HasIndex(p => p.TokenHash).IsUnique();
            pass.Property(p => p.TokenHash).HasMaxLength(64);
            pass.Property(p => p.Name).HasMaxLength(GuestPasses.MaxNameLength);
            pass.HasIndex(p => p.ExpiresAt);
            pass.HasOne<GuestAccess>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        return model;
    }
}
