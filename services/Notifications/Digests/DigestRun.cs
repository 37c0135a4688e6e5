using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// Writes the digests that are due up to a moment (<c>until</c>; for the schedule the start of the present period): for each
/// confirmed e-mail subscription of a frequency confirmed before it and not yet reported up to it, the public notices it follows
/// recorded since its last digest (the first one: one period back) up to that moment. Each subscription is claimed by a
/// conditional update of <see cref="Subscription.LastDigestAt"/> in the transaction that stores its e-mail, so of two instances
/// one writes it, and a crash writes it again on the next run. A period without news sends nothing.
/// </summary>
public sealed class DigestRun(NotificationsDb db, Letterhead head, TimeProvider clock, ILogger<DigestRun> logger)
{
    /// <summary>A notice recorded just before a period ended has committed this long after: only then is the period reported.</summary>
    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(10);

    /// <returns>How many digests were written for sending.</returns>
    public async Task<int> RunAsync(DigestFrequency frequency, DateTimeOffset until, CancellationToken ct)
    {
        if (until > clock.GetUtcNow() - Settling)
            return 0;
        var due = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Channel == Channel.Email && s.Frequency == frequency && s.ConfirmedAt != null && s.ConfirmedAt <= until
                && (s.LastDigestAt == null || s.LastDigestAt < until))
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var firstSince = until - DigestPeriods.Length(frequency);
        var earliest = due.Min(s => s.LastDigestAt ?? firstSince);
        var notices = await db.Notices.AsNoTracking()
            .Where(n => n.IsPublic && !n.IsWithdrawal && n.SupersededAt == null && n.RecordedAt > earliest && n.RecordedAt <= until)
            .ToListAsync(ct);
        var written = 0;
        foreach (var subscription in due)
        {
            var since = subscription.LastDigestAt ?? firstSince;
            var news = notices.Where(n => n.RecordedAt > since && subscription.Follows.Matches(n)).ToList();
            if (await ClaimAsync(subscription, news, until, ct))
                written += news.Count > 0 ? 1 : 0;
        }
        logger.LogInformation("{Count} {Frequency} digests written of {Due} due", written, frequency, due.Count);
        return written;
    }

    async Task<bool> ClaimAsync(Subscription subscription, List<Notice> news, DateTimeOffset until, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Subscriptions
            .Where(s => s.Id == subscription.Id && s.LastDigestAt == subscription.LastDigestAt)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastDigestAt, until), ct);
        if (claimed == 0)
            return false;
        if (news.Count > 0)
        {
            db.OutgoingMails.Add(OutgoingMail.Of(subscription.Id, OutgoingMail.Digest, DigestLetter.Compose(head, subscription, news), clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }
}
