using System.Security.Claims;
using Kommune20.Contracts.Meetings;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Assemblies;

/// <summary>
/// The office's general assemblies: created as drafts, given an agenda, and invited to within the statutes' notice.
/// Drafts are the office's; from the invitation on an assembly is public.
/// </summary>
public static class AssembliesApi
{
    public static RouteGroupBuilder MapAssembliesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/assemblies").WithTags("Assemblies");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapGet("/{assemblyId:guid}", GetAsync).AllowAnonymous();
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Office);
        group.MapPut("/{assemblyId:guid}", UpdateAsync).RequireAuthorization(Policies.Office);
        group.MapPost("/{assemblyId:guid}/agenda", AddAgendaItemAsync).RequireAuthorization(Policies.Office);
        group.MapPost("/{assemblyId:guid}/invitation", InviteAsync).RequireAuthorization(Policies.Office);
        return group;
    }

    static async Task<Ok<List<AssemblySummary>>> ListAsync(ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var office = user.IsInRole(Roles.Office);
        var assemblies = await db.Assemblies.AsNoTracking()
            .Where(a => office || a.InvitedAt != null)
            .OrderByDescending(a => a.StartsAt)
            .Take(200)
            .Select(a => new AssemblySummary(a.Id, a.Title, a.StartsAt, a.EndsAt, a.Place, a.OnlineUrl, a.InvitedAt,
                db.Minutes.Any(m => m.AssemblyId == a.Id && m.FinalAt != null)))
            .ToListAsync(ct);
        return TypedResults.Ok(assemblies);
    }

    static async Task<Results<Ok<AssemblyDetail>, NotFound>> GetAsync(
        Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, AssemblyViews views, CancellationToken ct)
    {
        var assembly = await db.FindVisibleAsync(assemblyId, user, ct);
        return assembly is null ? TypedResults.NotFound() : TypedResults.Ok(await views.DetailAsync(assembly, ct));
    }

    static async Task<Results<Created<AssemblyDetail>, ValidationProblem>> CreateAsync(
        AssemblyInput input, ClaimsPrincipal user, MeetingsDb db, AssemblyViews views, TimeProvider clock, CancellationToken ct)
    {
        var errors = AssemblyRules.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var assembly = new GeneralAssembly
        {
            Id = Guid.NewGuid(),
            Title = input.Title!.Trim(),
            Chair = input.Chair!.Trim(),
            MinuteTaker = input.MinuteTaker!.Trim(),
            CreatedAt = now,
        };
        Apply(input, assembly);
        db.Assemblies.Add(assembly);
        db.AddIntegrationEvent(Scheduled(assembly, now));
        db.AddAuditEntry(user, "assembly.created", Subject(assembly), before: null, after: AuditView(assembly));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/assemblies/{assembly.Id}", await views.DetailAsync(assembly, ct));
    }

    static async Task<Results<Ok<AssemblyDetail>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        Guid assemblyId, AssemblyInput input, ClaimsPrincipal user, MeetingsDb db, AssemblyViews views, TimeProvider clock, CancellationToken ct)
    {
        var assembly = await db.Assemblies.Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Id == assemblyId, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        if (assembly.InvitedAt is not null)
            return AlreadyInvited();
        var errors = AssemblyRules.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var before = AuditView(assembly);
        assembly.Title = input.Title!.Trim();
        assembly.Chair = input.Chair!.Trim();
        assembly.MinuteTaker = input.MinuteTaker!.Trim();
        Apply(input, assembly);
        db.AddIntegrationEvent(Scheduled(assembly, clock.GetUtcNow()));
        db.AddAuditEntry(user, "assembly.changed", Subject(assembly), before, AuditView(assembly));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.DetailAsync(assembly, ct));
    }

    static async Task<Results<Created<AgendaItemDto>, ValidationProblem, NotFound, ProblemHttpResult>> AddAgendaItemAsync(
        Guid assemblyId, AgendaItemInput input, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var assembly = await db.Assemblies.Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Id == assemblyId, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        if (assembly.InvitedAt is not null)
            return AlreadyInvited();
        var errors = AssemblyRules.Validate(input);
        if (assembly.Agenda.Count >= AssemblyRules.MaxAgendaItems)
            errors.TryAdd("title", [$"Eine Tagesordnung hat höchstens {AssemblyRules.MaxAgendaItems} Punkte."]);
        var motion = input.MotionId is { } motionId
            ? await db.Motions.FirstOrDefaultAsync(m => m.Id == motionId && m.AssemblyId == assemblyId, ct)
            : null;
        if (input.MotionId is not null && motion is null)
            errors.TryAdd("motionId", ["Zu dieser Versammlung gibt es keinen Antrag mit dieser Kennung."]);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var item = new AgendaItem
        {
            Id = Guid.NewGuid(),
            AssemblyId = assembly.Id,
            Position = assembly.Agenda.Count + 1,
            Title = input.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            Documents = (input.Documents ?? []).Select(d => new AgendaDocument(d!.Title!.Trim(), AssemblyRules.WebAddress(d.Url)!)).ToList(),
        };
        // Added through its set: a new item with its key already set, found only through the navigation, would be taken for an existing one.
        db.AgendaItems.Add(item);
        if (motion is not null)
            motion.AgendaItemId = item.Id;
        db.AddAuditEntry(user, "assembly.agenda-item-added", Subject(assembly), before: null,
            after: new { item.Id, item.Position, item.Title, MotionId = motion?.Id });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/assemblies/{assembly.Id}",
            new AgendaItemDto(item.Id, item.Position, item.Title, item.Description, item.Documents, motion is null ? [] : [motion.Id]));
    }

    static async Task<Results<Ok<AssemblyDetail>, NotFound, ProblemHttpResult>> InviteAsync(
        Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, AssemblyViews views, VotingRegister register, Statutes statutes,
        TimeProvider clock, CancellationToken ct)
    {
        var assembly = await db.Assemblies.Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Id == assemblyId, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        if (assembly.InvitedAt is not null)
            return AlreadyInvited();
        var now = clock.GetUtcNow();
        if (statutes.InvitationLateBy(now, assembly.StartsAt) is { } late)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Die Einladungsfrist ist nicht mehr einzuhalten.",
                detail: $"Die Satzung verlangt {statutes.NoticeDays} Tage zwischen Einladung und Versammlung; die Einladung käme "
                    + $"{InDaysAndHours(late)} zu spät. Bitte die Versammlung verschieben.",
                extensions: new Dictionary<string, object?> { ["field"] = "startsAt", ["lateBy"] = late.ToString() });
        if (assembly.Agenda.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Die Tagesordnung ist leer.",
                detail: "Eine Einladung nennt die Tagesordnung; bitte zuerst Tagesordnungspunkte anlegen.",
                extensions: new Dictionary<string, object?> { ["field"] = "agenda" });

        var invited = await register.VotingMembersAsync(ct);
        assembly.InvitedAt = now;
        assembly.InvitedMemberIds = invited.Keys.ToList();
        db.AddIntegrationEvent(new InvitationSent(assembly.Id, assembly.Title, assembly.StartsAt, invited.Keys.ToList(), now));
        db.AddAuditEntry(user, "assembly.invited", Subject(assembly), before: null, after: new { InvitedAt = now, VotingMembers = invited.Count });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.DetailAsync(assembly, ct));
    }

    internal static string Subject(GeneralAssembly assembly) => $"assembly/{assembly.Id}";

    static object AuditView(GeneralAssembly assembly) =>
        new { assembly.Title, assembly.StartsAt, assembly.EndsAt, assembly.Place, assembly.OnlineUrl, assembly.Chair, assembly.MinuteTaker };

    static void Apply(AssemblyInput input, GeneralAssembly assembly)
    {
        assembly.StartsAt = input.StartsAt!.Value;
        assembly.EndsAt = input.EndsAt!.Value;
        assembly.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        assembly.OnlineUrl = AssemblyRules.WebAddress(input.OnlineUrl)?.ToString();
    }

    /// <summary>"2 Tage und 18 Stunden", "5 Stunden": how late, in the words the office reads.</summary>
    static string InDaysAndHours(TimeSpan span)
    {
        var hours = (int)Math.Ceiling(span.TotalHours);
        var (days, rest) = (hours / 24, hours % 24);
        var dayText = days == 1 ? "1 Tag" : $"{days} Tage";
        var hourText = rest == 1 ? "1 Stunde" : $"{rest} Stunden";
        return days == 0 ? hourText : rest == 0 ? dayText : $"{dayText} und {hourText}";
    }

    static AssemblyScheduled Scheduled(GeneralAssembly assembly, DateTimeOffset now) =>
        new(assembly.Id, assembly.Title, assembly.StartsAt, assembly.EndsAt, assembly.Place, assembly.OnlineUrl, now);

    static ProblemHttpResult AlreadyInvited() => Refusals.Conflict("Die Einladung ist bereits verschickt.",
        "Nach der Einladung bleiben Zeit, Ort und Tagesordnung, wie die Mitglieder sie erhalten haben.");
}
