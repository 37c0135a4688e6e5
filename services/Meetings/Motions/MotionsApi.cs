using System.Security.Claims;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Motions;

/// <summary>
/// Motions (Anträge) and amendments: members file them until the statutes' deadline, the office until the assembly
/// starts; an amendment is filed until its motion is put to the vote.
/// </summary>
public static class MotionsApi
{
    public const int MaxTextLength = 20_000;

    public static RouteGroupBuilder MapMotionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Motions");
        group.MapPost("/assemblies/{assemblyId:guid}/motions", FileAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/motions/{motionId:guid}/amendments", AmendAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Created<MotionDto>, ValidationProblem, NotFound, ProblemHttpResult>> FileAsync(
        Guid assemblyId, MotionInput input, ClaimsPrincipal user, MeetingsDb db, Statutes statutes, TimeProvider clock, CancellationToken ct)
    {
        var assembly = await db.FindVisibleAsync(assemblyId, user, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        var office = user.IsInRole(Roles.Office);
        if (!office && !IsMembersPerson(user))
            return MembersOnly();
        var now = clock.GetUtcNow();
        var deadline = office ? assembly.StartsAt : statutes.MotionDeadline(assembly.StartsAt);
        if (now > deadline)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Die Antragsfrist ist abgelaufen.",
                detail: $"Anträge zu dieser Versammlung waren bis {deadline:dd.MM.yyyy HH:mm} (UTC{deadline:zzz}) einzureichen.",
                extensions: new Dictionary<string, object?> { ["deadline"] = deadline });
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > AssemblyRules.MaxTitleLength)
            errors["title"] = [$"Der Titel fehlt oder ist länger als {AssemblyRules.MaxTitleLength} Zeichen."];
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxTextLength)
            errors["text"] = [$"Der Antragstext fehlt oder ist länger als {MaxTextLength} Zeichen."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var motion = new Motion
        {
            Id = Guid.NewGuid(),
            AssemblyId = assemblyId,
            FiledBy = office ? null : user.GetMemberId(),
            Title = input.Title!.Trim(),
            Text = input.Text!.Trim(),
            Kind = input.Kind ?? DecisionKind.Resolution,
            FiledAt = now,
        };
        db.Motions.Add(motion);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/assemblies/{assemblyId}", MotionDto.From(motion));
    }

    static async Task<Results<Created<MotionDto>, ValidationProblem, NotFound, ProblemHttpResult>> AmendAsync(
        Guid motionId, AmendmentInput input, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var motion = await db.Motions.Include(m => m.Amendments).FirstOrDefaultAsync(m => m.Id == motionId, ct);
        if (motion is null || await db.FindVisibleAsync(motion.AssemblyId, user, ct) is null)
            return TypedResults.NotFound();
        if (!IsMembersPerson(user))
            return MembersOnly();
        if (await db.Votes.AnyAsync(v => v.MotionId == motionId, ct))
            return Refusals.Conflict("Über diesen Antrag wird bereits abgestimmt.",
                "Änderungsanträge sind möglich, bis der Antrag zur Abstimmung gestellt wird.");
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxTextLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"Der Text des Änderungsantrags fehlt oder ist länger als {MaxTextLength} Zeichen."],
            });

        db.Amendments.Add(new Amendment { Id = Guid.NewGuid(), MotionId = motionId, FiledBy = user.GetMemberId()!.Value, Text = input.Text.Trim(), FiledAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/assemblies/{motion.AssemblyId}", MotionDto.From(motion));
    }

    static bool IsMembersPerson(ClaimsPrincipal user) =>
        user.GetMemberId() is not null && (user.IsInRole(Roles.Delegate) || user.IsInRole(Roles.CityEditor));

    static ProblemHttpResult MembersOnly() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Anträge stellen Mitglieder.", detail: "Einen Antrag oder Änderungsantrag stellt eine Person, die im Register für ein Mitglied handelt.");
}

public sealed record MotionInput(string? Title, string? Text, DecisionKind? Kind);

public sealed record AmendmentInput(string? Text);
