using System.Security.Cryptography;
using System.Text;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Feeds;

/// <summary>
/// What a feed shows of the notices it follows (<see cref="FollowTarget.Matches"/>): the newest <see cref="MaxEntries"/> public
/// notices that are neither replaced by a newer version nor a withdrawal, so a changed update shows only its newest version and
/// a withdrawn one disappears. Its <see cref="ETag"/> names the newest change among every matching notice, shown or not (a
/// withdrawal, a version that turned network-only, a version that left a topic) and the number of entries, so that any change
/// of the feed changes it and a feed reader polling with If-None-Match gets 304 before anything is written.
/// </summary>
public sealed record FeedSelection(IReadOnlyList<Notice> Entries, DateTimeOffset? ChangedAt, string ETag)
{
    public const int MaxEntries = 50;

    public static FeedSelection Of(FollowTarget target, IEnumerable<Notice> notices)
    {
        var matching = notices.Where(target.Matches).ToList();
        var entries = matching.Where(IsShown).OrderByDescending(n => n.OccurredAt).ThenBy(n => n.Id).Take(MaxEntries).ToList();
        var newest = matching.MaxBy(ChangeOf);
        var version = newest is null ? "none" : $"{newest.Id:N}/{ChangeOf(newest).UtcTicks}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{version}/{entries.Count}"));
        return new FeedSelection(entries, newest is null ? null : ChangeOf(newest), $"\"{Convert.ToHexStringLower(hash)[..32]}\"");
    }

    /// <summary>Public, its subject's newest version, not a withdrawal: what the public may read.</summary>
    public static bool IsShown(Notice notice) => notice.IsPublic && notice.SupersededAt is null && !notice.IsWithdrawal;

    /// <summary>When a notice last changed what a feed shows: when it was recorded, or replaced or withdrawn.</summary>
    static DateTimeOffset ChangeOf(Notice notice) => notice.SupersededAt ?? notice.RecordedAt;
}
