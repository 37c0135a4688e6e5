using System.Globalization;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Attendance;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Proceedings;

/// <summary>Gathers what an assembly's minutes record: its delegates checked in, the proxies that counted, and its closed votes.</summary>
public sealed class MinutesRecorder(MeetingsDb db, AssemblyAttendance attendance, Statutes statutes)
{
    static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: false);

    public async Task<MinutesRecord> RecordAsync(GeneralAssembly assembly, CancellationToken ct)
    {
        var (roll, names) = await attendance.RollAsync(assembly.Id, ct);
        string NameOf(Guid member) => names.GetValueOrDefault(member, "–");

        var checkedIn = await db.Delegates.AsNoTracking()
            .Where(d => d.AssemblyId == assembly.Id && d.CheckedInAt != null).ToListAsync(ct);
        var present = checkedIn.GroupBy(d => d.MemberId)
            .Select(member => new PresentMember(NameOf(member.Key),
                member.OrderBy(d => d.CheckedInAt).Select(d => new CheckedInDelegate(d.Name, d.CheckedInAt!.Value)).ToList()))
            .OrderBy(member => member.Name, German).ToList();

        var votes = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assembly.Id && v.ClosedAt != null).ToListAsync(ct);
        votes = votes.OrderBy(v => v.OpenedAt).ToList();
        var motions = await db.Motions.AsNoTracking().Include(m => m.Amendments)
            .Where(m => m.AssemblyId == assembly.Id).ToDictionaryAsync(m => m.Id, ct);

        // Represented is whoever a vote's frozen roll or the attendance now counts through another member's delegate.
        var represented = new Dictionary<Guid, Guid>();
        foreach (var (member, castBy) in votes.SelectMany(v => v.Roll).Concat(roll.CastBy).Where(entry => entry.Key != entry.Value))
            represented.TryAdd(member, castBy);

        var quorum = votes.FirstOrDefault() is { } first
            ? new QuorumFigures(first.VotingMembers, first.Present, first.Represented, first.QuorumRequired)
            : new QuorumFigures(roll.VotingMembers, roll.Present, roll.Represented, statutes.QuorumOf(roll.VotingMembers));

        return new MinutesRecord(assembly.Title, assembly.Place, assembly.OnlineUrl, assembly.StartsAt, assembly.EndsAt,
            assembly.InvitedAt!.Value, assembly.Chair, assembly.MinuteTaker, statutes.NoticeDays, quorum,
            assembly.Agenda.OrderBy(i => i.Position).Select(i => i.Title).ToList(),
            present,
            represented.Select(entry => new RepresentedMember(NameOf(entry.Key), NameOf(entry.Value))).OrderBy(r => r.Name, German).ToList(),
            votes.Select(vote =>
            {
                var motion = motions[vote.MotionId];
                return new VoteRecord(motion.Title, motion.Text, motion.Kind,
                    motion.FiledBy is { } filer ? NameOf(filer) : "der Geschäftsstelle",
                    motion.Amendments.OrderBy(a => a.FiledAt).Select(a => $"{NameOf(a.FiledBy)}: {a.Text}").ToList(),
                    vote.Secret, vote.OpenedAt, vote.ClosedAt!.Value,
                    new QuorumFigures(vote.VotingMembers, vote.Present, vote.Represented, vote.QuorumRequired),
                    vote.Majority, vote.Result!.Value, vote.YesNeeded!.Value, vote.Passed!.Value);
            }).ToList());
    }
}
