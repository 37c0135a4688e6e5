using System.Security.Claims;
using Kommune20.Contracts.Projects;
using Kommune20.Data.Audit;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Acceptance;

/// <summary>The lead city records each survey or event that measured acceptance; the project page charts them over time.</summary>
public static class AcceptanceApi
{
    public const int MaxMeasurements = 200;

    public static RouteGroupBuilder MapAcceptanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{key}/acceptance").WithTags("Projects");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Created<MeasurementDto>, ValidationProblem, NotFound, ProblemHttpResult>> RecordAsync(string key, MeasurementInput input,
        ClaimsPrincipal user, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.FindProjectAsync(key, ct, tracked: false);
        if (project is null)
            return TypedResults.NotFound();
        if (!project.IsLeadEditor(user))
            return ProjectAccess.NotLead();
        var errors = MeasurementRules.Validate(input, clock.Today());
        if (errors.Count == 0 && await db.Measurements.CountAsync(m => m.ProjectId == project.Id, ct) >= MaxMeasurements)
            errors["title"] = [$"Ein Projekt hält höchstens {MaxMeasurements} Messungen."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var measurement = new AcceptanceMeasurement
        {
            Id = Guid.NewGuid(),
            ProjectId = project.Id,
            Title = input.Title!.Trim(),
            Kind = MeasurementRules.Kinds[input.Kind!],
            HeldOn = input.HeldOn!.Value,
            AudienceGroups = input.AudienceGroups!.Distinct().Select(g => MeasurementRules.Groups[g]).ToList(),
            Respondents = input.Respondents!.Value,
            Questions = input.Questions!.Select(q => new ApprovalFigure(q.Question!.Trim(), q.Answered!.Value, q.Approving!.Value)).ToList(),
            RecordedBy = user.PersonId()!.Value,
            RecordedAt = now,
        };
        db.Measurements.Add(measurement);
        db.AddIntegrationEvent(new AcceptanceMeasured(project.Key, project.Title, measurement.Id, measurement.Title, measurement.HeldOn,
            measurement.Respondents, measurement.ApprovalPercent, now));
        db.AddAuditEntry(user, "project.acceptance-measured", $"project/{key}/acceptance/{measurement.Id}", before: null, after: MeasurementDto.From(measurement));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{key}", MeasurementDto.From(measurement));
    }
}
