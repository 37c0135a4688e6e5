using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Votes;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Assemblies;

/// <summary>An assembly as the API shows it: its agenda with the motions under each item, its votes and whether its minutes are final.</summary>
public sealed class AssemblyViews(MeetingsDb db, Statutes statutes)
{
    public async Task<AssemblyDetail> DetailAsync(GeneralAssembly assembly, CancellationToken ct)
    {
        var motions = await db.Motions.AsNoTracking().Include(m => m.Amendments)
            .Where(m => m.AssemblyId == assembly.Id).OrderBy(m => m.FiledAt).ToListAsync(ct);
        var votes = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assembly.Id).OrderBy(v => v.OpenedAt).ToListAsync(ct);
        var minutesFinal = await db.Minutes.AnyAsync(m => m.AssemblyId == assembly.Id && m.FinalAt != null, ct);
        var agenda = assembly.Agenda.OrderBy(i => i.Position).Select(item => new AgendaItemDto(item.Id, item.Position, item.Title,
            item.Description, item.Documents, motions.Where(m => m.AgendaItemId == item.Id).Select(m => m.Id).ToList())).ToList();
        return new AssemblyDetail(assembly.Id, assembly.Title, assembly.StartsAt, assembly.EndsAt, assembly.Place, assembly.OnlineUrl,
            assembly.Chair, assembly.MinuteTaker, assembly.InvitedAt, statutes.InvitationDeadline(assembly.StartsAt),
            statutes.MotionDeadline(assembly.StartsAt), agenda, motions.Select(MotionDto.From).ToList(),
            votes.Select(v => VoteDto.From(v, motions.First(m => m.Id == v.MotionId).Title)).ToList(), minutesFinal);
    }
}
