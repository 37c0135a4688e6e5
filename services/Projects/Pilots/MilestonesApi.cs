using System.Security.Claims;
using Kommune20.Data.Audit;
using Kommune20.Projects.Data;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Projects.Pilots;

/// <summary>The lead city's milestones: each with a due date, reached on a day; one not reached by its date shows as overdue.</summary>
public static class MilestonesApi
{
    public const int MaxMilestones = 50;

    public static RouteGroupBuilder MapMilestonesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{key}/milestones").WithTags("Projects");
        group.MapPost("/", AddAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{milestoneId:guid}/reached", ReachAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Created<MilestoneDto>, ValidationProblem, NotFound, ProblemHttpResult>> AddAsync(string key, MilestoneInput input,
        ClaimsPrincipal user, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = ProjectRules.Validate(input);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var project = await db.FindProjectAsync(key, ct);
        if (project is null)
            return TypedResults.NotFound();
        if (!project.IsLeadEditor(user))
            return ProjectAccess.NotLead();
        if (project.Milestones.Count >= MaxMilestones)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = [$"Ein Projekt hat höchstens {MaxMilestones} Meilensteine."] });

        var milestone = new Milestone { Id = Guid.NewGuid(), ProjectId = project.Id, Title = input.Title!.Trim(), DueOn = input.DueOn!.Value };
        project.Milestones.Add(milestone);
        project.Revision++;
        db.AddAuditEntry(user, "project.milestone-added", $"project/{key}/milestones/{milestone.Id}", before: null, after: new { milestone.Title, milestone.DueOn });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{key}", MilestoneDto.From(milestone, clock.Today()));
    }

    static async Task<Results<Ok<MilestoneDto>, NotFound, ProblemHttpResult>> ReachAsync(string key, Guid milestoneId, MilestoneReachedInput input,
        ClaimsPrincipal user, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.FindProjectAsync(key, ct);
        var milestone = project?.Milestones.FirstOrDefault(m => m.Id == milestoneId);
        if (project is null || milestone is null)
            return TypedResults.NotFound();
        if (!project.IsLeadEditor(user))
            return ProjectAccess.NotLead();
        var before = milestone.ReachedOn;
        milestone.ReachedOn = input.ReachedOn ?? clock.Today();
        project.Revision++;
        db.AddAuditEntry(user, "project.milestone-reached", $"project/{key}/milestones/{milestone.Id}", before: new { ReachedOn = before },
            after: new { milestone.ReachedOn });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MilestoneDto.From(milestone, clock.Today()));
    }
}
