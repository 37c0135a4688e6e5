using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Feeds;

/// <summary>
/// Reads a feed's notices in two steps: first what decides which notices it shows and whether it changed, without their texts,
/// then the texts of the entries only, once the reader's ETag turned out to be old. A project's feed reads its project's notices
/// (index on project key and time); the others look through the newest <see cref="Window"/> notices of the network, which holds
/// months of the network's news, and match them in memory as a subscription matches.
/// </summary>
public sealed class NoticeFeeds(NotificationsDb db)
{
    public const int Window = 2000;

    public async Task<FeedSelection> SelectAsync(FollowTarget target, CancellationToken ct)
    {
        var notices = db.Notices.AsNoTracking();
        if (target.Kind == FollowKind.Project)
            notices = notices.Where(n => n.ProjectKey == target.ProjectKey);
        var candidates = await notices.OrderByDescending(n => n.OccurredAt).Take(Window).Select(n => new Notice
        {
            Id = n.Id,
            Subject = n.Subject,
            ProjectKey = n.ProjectKey,
            MemberIds = n.MemberIds,
            Topics = n.Topics,
            SdgTargets = n.SdgTargets,
            FederalStates = n.FederalStates,
            OnCalendar = n.OnCalendar,
            IsPublic = n.IsPublic,
            IsWithdrawal = n.IsWithdrawal,
            SupersededAt = n.SupersededAt,
            OccurredAt = n.OccurredAt,
            RecordedAt = n.RecordedAt,
        }).ToListAsync(ct);
        return FeedSelection.Of(target, candidates);
    }

    /// <summary>The selection's entries with their texts, newest first.</summary>
    public async Task<List<Notice>> EntriesAsync(FeedSelection selection, CancellationToken ct)
    {
        var ids = selection.Entries.Select(n => n.Id).ToList();
        var full = await db.Notices.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        return ids.Where(full.ContainsKey).Select(id => full[id]).ToList();
    }
}
