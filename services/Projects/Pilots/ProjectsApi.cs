using System.Security.Claims;
using Kommune20.Contracts.Projects;
using Kommune20.Data.Audit;
using Kommune20.Data.Lists;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Kommune20.Projects.Updates;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Pilots;

/// <summary>
/// Pilot projects from proposal to their end: a lead city proposes (its editors), the office approves, the lead city starts,
/// evaluates and completes it or stops it, and extends its end explicitly. Every step is in the history with who and when,
/// in the audit log, and announced (<see cref="ProjectProposed"/>, <see cref="ProjectPhaseChanged"/>).
/// </summary>
public static class ProjectsApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapGet("/{key}", GetAsync).AllowAnonymous();
        group.MapPost("/", ProposeAsync).RequireAuthorization(Policies.CityEditor);
        group.MapPost("/{key}/phase", MoveAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{key}/extensions", ExtendAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Ok<PagedList<ProjectSummary>>, ValidationProblem>> ListAsync(string? phase, Guid? member, string? field,
        string? partner, int? page, int? pageSize, ProjectsDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        ProjectPhase? inPhase = null;
        if (phase is not null)
        {
            if (PhaseParser.TryParse(phase) is { } parsed)
                inPhase = parsed;
            else
                errors["phase"] = [$"Unbekannte Phase „{phase}“; möglich: {string.Join(", ", PhaseParser.Names)}."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var projects = db.Projects.AsNoTracking();
        if (inPhase is { } p)
            projects = projects.Where(x => x.Phase == p);
        if (member is { } m)
            projects = projects.Where(x => x.Participants.Any(pa => pa.MemberId == m));
        if (!string.IsNullOrWhiteSpace(field))
            projects = projects.Where(x => x.FieldOfAction == field);
        if (!string.IsNullOrWhiteSpace(partner))
            projects = projects.Where(x => x.Partners.Any(pa => pa.Name == partner));
        return TypedResults.Ok(await projects.OrderByDescending(x => x.StartsOn).ThenBy(x => x.Key)
            .Select(x => new ProjectSummary(x.Key, x.Title, x.FieldOfAction, x.LeadMemberId,
                x.Participants.Where(pa => pa.MemberId == x.LeadMemberId).Select(pa => pa.Name).First(), x.Phase, x.StartsOn, x.EndsOn,
                x.Partners.OrderBy(pa => pa.Name).Select(pa => pa.Name).ToList()))
            .ToPagedListAsync(page ?? 1, pageSize ?? 20, summary => summary, ct));
    }

    static async Task<Results<Ok<ProjectDetail>, NotFound>> GetAsync(string key, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.FindProjectAsync(key, ct, tracked: false);
        return project is null ? TypedResults.NotFound() : TypedResults.Ok(await DetailAsync(db, project, clock, ct));
    }

    static async Task<Results<Created<ProjectDetail>, ValidationProblem, ProblemHttpResult>> ProposeAsync(ProposalInput input,
        ClaimsPrincipal user, ProjectsDb db, MemberDirectory members, TimeProvider clock, CancellationToken ct)
    {
        if (user.GetMemberId() is not { } lead || user.PersonId() is not { } person)
            return Refusals.Forbidden("Vorschläge machen Personen einer Mitgliedsstadt.", "Melden Sie sich als Redakteurin oder Redakteur Ihrer Stadt an.");
        var errors = ProjectRules.Validate(input);
        if (input.Key is not null && errors.Count == 0 && await db.Projects.AnyAsync(p => p.Key == input.Key, ct))
            errors["key"] = [$"Den Schlüssel „{input.Key}“ trägt schon ein Projekt."];
        var participantIds = (input.ParticipantIds ?? []).Append(lead).Distinct().ToList();
        var partnerMembers = (input.Partners ?? []).Where(p => p.MemberId is not null).Select(p => p.MemberId!.Value).ToList();
        Dictionary<Guid, MemberDirectory.Member> known;
        try
        {
            known = await members.FindAsync(participantIds.Concat(partnerMembers), ct);
        }
        catch (RegisterUnavailableException)
        {
            return RegisterUnavailable();
        }
        for (var i = 0; i < (input.ParticipantIds?.Count ?? 0); i++)
        {
            if (!known.ContainsKey(input.ParticipantIds![i]))
                errors[$"participantIds[{i}]"] = ["Dieses Mitglied kennt das Register nicht."];
        }
        for (var i = 0; i < (input.Partners?.Count ?? 0); i++)
        {
            if (input.Partners![i].MemberId is { } partnerId && !known.ContainsKey(partnerId))
                errors[$"partners[{i}].memberId"] = ["Diese Partnerinstitution kennt das Register nicht."];
        }
        if (!known.ContainsKey(lead))
            return Refusals.Forbidden("Ihre Organisation kennt das Register nicht.", "Vorschläge machen Mitgliedsstädte.");
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var project = new PilotProject
        {
            Id = Guid.NewGuid(),
            Key = input.Key!,
            Title = input.Title!.Trim(),
            FieldOfAction = input.FieldOfAction!.Trim(),
            Goal = input.Goal!.Trim(),
            Hypothesis = input.Hypothesis!.Trim(),
            LeadMemberId = lead,
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn!.Value,
            BudgetEuros = input.BudgetEuros,
            FundingProgramme = string.IsNullOrWhiteSpace(input.FundingProgramme) ? null : input.FundingProgramme.Trim(),
            Phase = ProjectPhase.Proposed,
            ProposedAt = now,
        };
        project.Participants.AddRange(participantIds.Select(id => new ProjectParticipant { ProjectId = project.Id, MemberId = id, Name = known[id].Name }));
        project.Partners.AddRange((input.Partners ?? []).Select(p => new ProjectPartner
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Name = p.Name!.Trim(), Role = p.Role!.Trim(), MemberId = p.MemberId,
        }));
        project.PhaseChanges.Add(new PhaseChange
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, From = ProjectPhase.Proposed, To = ProjectPhase.Proposed, ByPersonId = person,
            ByName = user.FindFirstValue(Kommune20Claims.Name) ?? known[lead].Name, At = now,
        });
        db.Projects.Add(project);
        db.AddIntegrationEvent(new ProjectProposed(project.Key, project.Title, project.FieldOfAction, lead, participantIds, project.StartsOn,
            project.EndsOn, now));
        db.AddAuditEntry(user, "project.proposed", $"project/{project.Key}", before: null, after: new { project.Title, project.StartsOn, project.EndsOn });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{project.Key}", ProjectDetail.From(project, clock.Today(), [], 0, [], null));
    }

    static async Task<Results<Ok<ProjectDetail>, ValidationProblem, NotFound, ProblemHttpResult>> MoveAsync(string key, PhaseInput input,
        ClaimsPrincipal user, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (PhaseParser.TryParse(input.Phase) is not { } to)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["phase"] = [$"Die Phase fehlt oder ist unbekannt; möglich: {string.Join(", ", PhaseParser.Names)}."],
            });
        if (input.Reason is { Length: > ProjectRules.MaxTextLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Die Begründung hat höchstens {ProjectRules.MaxTextLength} Zeichen."] });
        var project = await db.FindProjectAsync(key, ct);
        if (project is null)
            return TypedResults.NotFound();
        if (!project.MayMove(user, to))
            return ProjectAccess.MayNotMove(to);
        var today = clock.Today();
        if (PhaseRules.RefuseTransition(project, to, today) is { } refusal)
            return Refusals.Conflict("Dieser Phasenwechsel ist nicht möglich.", refusal);

        var from = project.Phase;
        var now = clock.GetUtcNow();
        project.Phase = to;
        project.Revision++;
        project.PhaseChanges.Add(new PhaseChange
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, From = from, To = to, Reason = Trimmed(input.Reason), ByPersonId = user.PersonId(),
            ByName = user.FindFirstValue(Kommune20Claims.Name) ?? "Unbekannt", At = now,
        });
        db.AddIntegrationEvent(new ProjectPhaseChanged(project.Key, project.Title, from, to, project.EndsOn, Trimmed(input.Reason), now));
        db.AddAuditEntry(user, "project.phase-changed", $"project/{project.Key}", before: new { Phase = from }, after: new { Phase = to, input.Reason });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailAsync(db, project, clock, ct));
    }

    static async Task<Results<Ok<ProjectDetail>, ValidationProblem, NotFound, ProblemHttpResult>> ExtendAsync(string key, ExtensionInput input,
        ClaimsPrincipal user, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.EndsOn is null)
            errors["endsOn"] = ["Das neue Ende fehlt."];
        ProjectRules.Required(errors, "reason", input.Reason, ProjectRules.MaxTextLength, "Die Begründung einer Verlängerung");
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var project = await db.FindProjectAsync(key, ct);
        if (project is null)
            return TypedResults.NotFound();
        if (!project.IsLeadEditor(user))
            return ProjectAccess.NotLead();
        if (PhaseRules.RefuseExtension(project, input.EndsOn!.Value) is { } refusal)
            return Refusals.Conflict("Diese Verlängerung ist nicht möglich.", refusal);

        var previous = project.EndsOn;
        var now = clock.GetUtcNow();
        project.EndsOn = input.EndsOn.Value;
        project.Revision++;
        project.PhaseChanges.Add(new PhaseChange
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, From = project.Phase, To = project.Phase, PreviousEnd = previous, NewEnd = project.EndsOn,
            Reason = input.Reason!.Trim(), ByPersonId = user.PersonId(), ByName = user.FindFirstValue(Kommune20Claims.Name) ?? "Unbekannt", At = now,
        });
        db.AddIntegrationEvent(new ProjectPhaseChanged(project.Key, project.Title, project.Phase, project.Phase, project.EndsOn, input.Reason.Trim(), now));
        db.AddAuditEntry(user, "project.extended", $"project/{project.Key}", before: new { EndsOn = previous }, after: new { project.EndsOn, input.Reason });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailAsync(db, project, clock, ct));
    }

    internal static async Task<ProjectDetail> DetailAsync(ProjectsDb db, PilotProject project, TimeProvider clock, CancellationToken ct)
    {
        var shown = db.ShownUpdates(project.Id).AsNoTracking();
        var updates = await shown.Take(ProjectDetail.LatestUpdates).ToListAsync(ct);
        var updateCount = await shown.CountAsync(ct);
        var acceptance = await db.Measurements.AsNoTracking().Where(m => m.ProjectId == project.Id).OrderBy(m => m.HeldOn).ToListAsync(ct);
        var transferReport = await db.TransferReports.AsNoTracking().Where(r => r.ProjectId == project.Id && !r.IsWithdrawn && r.Record != null)
            .OrderBy(r => r.AcceptedAt).FirstOrDefaultAsync(ct);
        return ProjectDetail.From(project, clock.Today(), updates, updateCount, acceptance, transferReport);
    }

    static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static ProblemHttpResult RegisterUnavailable() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Das Mitgliederregister antwortet gerade nicht.", detail: "Bitte in einigen Sekunden erneut versuchen.");
}
