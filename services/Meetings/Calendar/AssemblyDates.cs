using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// The association's general assemblies in the calendar, from their invitation on (drafts never). Time, place and agenda
/// are fixed once invited, so an assembly's SEQUENCE stays 0; a member's calendar holds those it was invited to.
/// </summary>
public sealed class AssemblyDates(MeetingsDb db) : ICalendarSource
{
    public const string Organiser = "Kommune 2.0 e. V.";

    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarQuery query, CancellationToken ct)
    {
        var assemblies = await db.Assemblies.AsNoTracking().Include(a => a.Agenda)
            .Where(a => a.InvitedAt != null && a.EndsAt >= query.From)
            .ToListAsync(ct);
        return assemblies
            .Where(a => query.MemberId is not { } member || a.InvitedMemberIds.Contains(member))
            .Select(a => EntryOf(a, query.Site))
            .ToList();
    }

    /// <summary>An invited assembly as a date; its link is its page in the portal under <paramref name="site"/>.</summary>
    public static CalendarEntry EntryOf(GeneralAssembly assembly, string site) => new(
        UidOf(assembly.Id), CalendarEntryKind.Assembly, assembly.Id, assembly.Title, DescriptionOf(assembly.Agenda),
        assembly.StartsAt, assembly.EndsAt, assembly.Place, assembly.OnlineUrl, $"{site}versammlungen/{assembly.Id}", Organiser,
        null, Sequence: 0, Cancelled: false, assembly.InvitedAt ?? assembly.CreatedAt);

    public static string UidOf(Guid assemblyId) => $"versammlung-{assemblyId}@kommune20";

    /// <summary>The agenda, one item a line: what an invitation says beside time and place.</summary>
    static string? DescriptionOf(IEnumerable<AgendaItem> agenda)
    {
        var items = agenda.OrderBy(i => i.Position).Select(i => $"{i.Position}. {i.Title}").ToList();
        return items.Count == 0 ? null : "Tagesordnung:\n" + string.Join("\n", items);
    }
}
