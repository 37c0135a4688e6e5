using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using Kommune20.Meetings.Votes;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.OParl;

/// <summary>
/// Everything OParl shows, read at once from the invited assemblies (drafts never), their motions, closed votes and
/// final minutes, and the register's voting members. An association holds a few assemblies a year, so one read per
/// request keeps every list and every reference consistent with each other.
/// </summary>
public sealed class OParlCatalog(MeetingsDb db, VotingRegister register, TimeProvider clock)
{
    public const string AssemblyKey = "mitgliederversammlung";

    public async Task<OParlObjects> LoadAsync(OParlUrls urls, CancellationToken ct)
    {
        var assemblies = await db.Assemblies.AsNoTracking().Include(a => a.Agenda)
            .Where(a => a.InvitedAt != null).OrderBy(a => a.StartsAt).ToListAsync(ct);
        var ids = assemblies.Select(a => a.Id).ToList();
        var motions = await db.Motions.AsNoTracking().Where(m => ids.Contains(m.AssemblyId)).OrderBy(m => m.FiledAt).ToListAsync(ct);
        var votes = await db.Votes.AsNoTracking().Where(v => ids.Contains(v.AssemblyId) && v.ClosedAt != null).ToListAsync(ct);
        var finals = await db.Minutes.AsNoTracking().Where(m => ids.Contains(m.AssemblyId) && m.FinalAt != null)
            .ToDictionaryAsync(m => m.AssemblyId, m => m.FinalAt!.Value, ct);
        var members = await register.VotingMembersAsync(ct);

        var objects = new OParlObjects();
        var assemblyOrganization = urls.Object(OParlKinds.Organizations, AssemblyKey);
        objects.Organizations.Add(new OParlOrganization(assemblyOrganization, urls.Body, "Mitgliederversammlung", "Gremium",
            "Mitgliederversammlung")
        {
            ShortName = "MV",
            Meeting = urls.List(OParlKinds.Meetings),
        });
        objects.Organizations.AddRange(members.OrderBy(m => m.Value, StringComparer.Ordinal).Select(member =>
            new OParlOrganization(urls.Object(OParlKinds.Organizations, member.Key), urls.Body, member.Value, "Institution",
                "Mitgliedsorganisation")));

        foreach (var assembly in assemblies)
        {
            var meeting = urls.Object(OParlKinds.Meetings, assembly.Id);
            var invited = assembly.InvitedAt!.Value;
            DateTimeOffset? final = finals.TryGetValue(assembly.Id, out var finalAt) ? finalAt : null;
            var ownMotions = motions.Where(m => m.AssemblyId == assembly.Id).ToList();
            var agenda = assembly.Agenda.OrderBy(i => i.Position)
                .Select(item => AgendaItem(urls, meeting, item, ownMotions.FirstOrDefault(m => m.AgendaItemId == item.Id), votes, invited))
                .ToList();
            objects.AgendaItems.AddRange(agenda);

            foreach (var motion in ownMotions)
                objects.Papers.Add(Paper(urls, meeting, assemblyOrganization, motion, members, objects.Consultations, invited));

            var files = final is { } at ? MinutesFiles(urls, meeting, assembly, at) : [];
            objects.Files.AddRange(files);
            var location = Location(urls, meeting, assembly, invited);
            if (location is not null)
                objects.Locations.Add(location);

            var people = new[] { (assembly.Chair, "Versammlungsleitung"), (assembly.MinuteTaker, "Protokollführung") };
            foreach (var (name, role) in people)
                objects.AddPerson(urls, name, role, invited);
            objects.Meetings.Add(new OParlMeeting(meeting, assembly.Title,
                clock.GetUtcNow() > assembly.EndsAt ? "durchgeführt" : "eingeladen", assembly.StartsAt, assembly.EndsAt,
                [assemblyOrganization], people.Select(p => urls.Object(OParlKinds.People, OParlPeople.KeyOf(p.Item1))).Distinct().ToList(),
                agenda, assembly.CreatedAt, Latest(invited, final, agenda.Max(i => (DateTimeOffset?)i.Modified)))
            {
                Location = location,
                ResultsProtocol = files.FirstOrDefault(),
                AuxiliaryFile = files.Count > 1 ? files[1..] : null,
            });
        }
        return objects;
    }

    static OParlAgendaItem AgendaItem(OParlUrls urls, string meeting, AgendaItem item, Motion? motion, List<Vote> votes,
        DateTimeOffset invited)
    {
        var vote = motion is null ? null : votes.FirstOrDefault(v => v.MotionId == motion.Id);
        return new OParlAgendaItem(urls.Object(OParlKinds.AgendaItems, item.Id), meeting, item.Position.ToString(), item.Position,
            item.Title, invited, Latest(invited, vote?.ClosedAt))
        {
            Consultation = motion is null ? null : urls.Object(OParlKinds.Consultations, motion.Id),
            Result = vote?.Passed is { } passed
                ? $"{(passed ? "angenommen" : "abgelehnt")} (Ja {vote.Yes}, Nein {vote.No}, Enthaltung {vote.Abstain})"
                : null,
            ResolutionText = vote?.Passed == true ? motion!.Text : null,
        };
    }

    static OParlPaper Paper(OParlUrls urls, string meeting, string assemblyOrganization, Motion motion,
        IReadOnlyDictionary<Guid, string> members, List<OParlConsultation> consultations, DateTimeOffset invited)
    {
        var paper = urls.Object(OParlKinds.Papers, motion.Id);
        // The office's motions are filed on the draft; in OParl they exist from the invitation on.
        var filed = motion.FiledAt > invited ? motion.FiledAt : invited;
        List<OParlConsultation> consultation = motion.AgendaItemId is { } itemId
            ? [new OParlConsultation(urls.Object(OParlKinds.Consultations, motion.Id), paper, urls.Object(OParlKinds.AgendaItems, itemId),
                meeting, [assemblyOrganization], filed, filed)]
            : [];
        consultations.AddRange(consultation);
        return new OParlPaper(paper, urls.Body, motion.Title, DateOnly.FromDateTime(motion.FiledAt.UtcDateTime), PaperTypeOf(motion.Kind),
            consultation, filed, filed)
        {
            OriginatorOrganization = motion.FiledBy is { } member && members.ContainsKey(member)
                ? [urls.Object(OParlKinds.Organizations, member)]
                : null,
        };
    }

    /// <summary>The final minutes: the PDF first (the meeting's results protocol), then the HTML.</summary>
    static List<OParlFile> MinutesFiles(OParlUrls urls, string meeting, GeneralAssembly assembly, DateTimeOffset final) =>
    [
        MinutesFile(urls, meeting, assembly, final, "pdf", "application/pdf"),
        MinutesFile(urls, meeting, assembly, final, "html", "text/html"),
    ];

    static OParlFile MinutesFile(OParlUrls urls, string meeting, GeneralAssembly assembly, DateTimeOffset final, string format,
        string mimeType)
    {
        var address = $"{urls.Site}api/meetings/assemblies/{assembly.Id}/minutes.{format}";
        return new OParlFile(urls.Object(OParlKinds.Files, $"{assembly.Id}-{format}"), $"Protokoll: {assembly.Title}",
            $"protokoll-{assembly.Id}.{format}", mimeType, DateOnly.FromDateTime(final.UtcDateTime), address, [meeting], final, final)
        {
            DownloadUrl = address,
        };
    }

    static OParlLocation? Location(OParlUrls urls, string meeting, GeneralAssembly assembly, DateTimeOffset invited)
    {
        var description = (assembly.Place, assembly.OnlineUrl) switch
        {
            ({ } place, { } online) => $"{place} und online: {online}",
            ({ } place, null) => place,
            (null, { } online) => $"Online: {online}",
            _ => null,
        };
        return description is null
            ? null
            : new OParlLocation(urls.Object(OParlKinds.Locations, assembly.Id), description, [meeting], invited, invited);
    }

    static string PaperTypeOf(DecisionKind kind) => kind switch
    {
        DecisionKind.StatuteChange => "Antrag auf Satzungsänderung",
        DecisionKind.Election => "Wahlvorschlag",
        DecisionKind.Dissolution => "Antrag auf Auflösung",
        _ => "Antrag",
    };

    static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.OfType<DateTimeOffset>().Append(first).Max();
}
