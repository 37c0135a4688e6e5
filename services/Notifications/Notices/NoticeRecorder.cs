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
    public async Task RecordAsync(Notice notice, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        notice.RecordedAt = now;
        // Tracked, not ExecuteUpdate: superseding commits with the notice and the inbox entry, or not at all.
        var earlier = await db.Notices.Where(n => n.Subject == notice.Subject && n.SupersededAt == null).ToListAsync(ct);
        foreach (var held in earlier)
            held.SupersededAt = now;
        if (notice.IsWithdrawal)
        {
            // A withdrawal names only the record; it reaches whoever heard of it, under what they followed it by.
            if (earlier.OrderByDescending(n => n.RecordedAt).FirstOrDefault() is not { } last)
                return;
            notice.Topics = last.Topics;
            notice.SdgTargets = last.SdgTargets;
            notice.FederalStates = last.FederalStates;
            notice.OnCalendar = last.OnCalendar;
            notice.IsPublic = last.IsPublic;
            notice.SupersededAt = now;
        }
        else
            notice.FederalStates = await states.OfAsync(notice.MemberIds, ct);
        db.Notices.Add(notice);
        db.AddIntegrationEvent(new NoticeRecorded(notice.Id));
        await db.SaveChangesAsync(ct);
    }
}
