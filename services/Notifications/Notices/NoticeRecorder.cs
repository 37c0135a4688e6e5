using Kommune20.Messaging;
using Kommune20.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Notices;

/// <summary>
/// Records a notice from an integration event: earlier notices of its subject are superseded (a feed shows the newest version
/// of an update, and nothing of a withdrawn one), the members' federal states are looked up, and <see cref="NoticeRecorded"/>
/// is published in the same transaction for the fan-out. A withdrawal of something never announced (a quarantined update, a
/// record older than the service) is dropped.
/// </summary>
public sealed class NoticeRecorder(NotificationsDb db, MemberStates states, TimeProvider clock)
{
    public Task RecordAsync(Notice notice, CancellationToken ct) => RecordManyAsync([notice], ct);

    /// <summary>Records notices in one transaction and in order: a later notice of a subject supersedes an earlier one of the same batch.</summary>
    public async Task RecordManyAsync(IReadOnlyList<Notice> notices, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subjects = notices.Select(notice => notice.Subject).Distinct().ToList();
        // Tracked, not ExecuteUpdate: superseding commits with the notices and the inbox entries, or not at all.
        var current = (await db.Notices.Where(n => subjects.Contains(n.Subject) && n.SupersededAt == null).ToListAsync(ct))
            .GroupBy(notice => notice.Subject).ToDictionary(group => group.Key, group => group.ToList());
        await states.LearnAsync(notices.Where(notice => !notice.IsWithdrawal).SelectMany(notice => notice.MemberIds), ct);
        foreach (var notice in notices)
        {
            var earlier = current.GetValueOrDefault(notice.Subject) ?? [];
            if (await StageAsync(notice, earlier, now, ct))
                current[notice.Subject] = notice.IsWithdrawal ? [] : [notice];
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the notice, superseding <paramref name="earlier"/>; false when it is a withdrawal of nothing announced.</summary>
    async Task<bool> StageAsync(Notice notice, List<Notice> earlier, DateTimeOffset now, CancellationToken ct)
    {
        notice.RecordedAt = now;
        if (notice.IsWithdrawal)
        {
            // A withdrawal names only the record; it reaches whoever heard of it, under what they followed it by.
            if (earlier.OrderByDescending(n => n.RecordedAt).FirstOrDefault() is not { } last)
                return false;
            notice.Topics = last.Topics;
            notice.SdgTargets = last.SdgTargets;
            notice.FederalStates = last.FederalStates;
            notice.OnCalendar = last.OnCalendar;
            notice.IsPublic = last.IsPublic;
            notice.SupersededAt = now;
        }
        else
            notice.FederalStates = await states.OfAsync(notice.MemberIds, ct);
        foreach (var held in earlier)
            held.SupersededAt = now;
        db.Notices.Add(notice);
        db.AddIntegrationEvent(new NoticeRecorded(notice.Id));
        return true;
    }
}
