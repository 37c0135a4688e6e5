using System.Security.Claims;
using Kommune20.Contracts.Federation;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Kommune20.Data.Lists;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Projects.Updates;

/// <summary>
/// A project's shown updates, paged, newest first; and updates posted in the portal by the people of participating cities and of the project's partners; nobody else (403).
/// They are checked by the same rules as a node's updates (<see cref="RecordRules"/>) and announced as <see cref="Contracts.Projects.ProjectUpdatePosted"/>.
/// </summary>
public static class UpdatesApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapUpdatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{key}/updates").WithTags("Projects");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapPost("/", PostAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Ok<PagedList<UpdateDto>>, ValidationProblem, NotFound>> ListAsync(string key, int? page, int? pageSize, ProjectsDb db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var project = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Key }).FirstOrDefaultAsync(p => p.Key == key, ct);
        if (project is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(await db.ShownUpdates(project.Id).AsNoTracking().ToPagedListAsync(page ?? 1, pageSize ?? 20, UpdateDto.From, ct));
    }

    static async Task<Results<Created<UpdateDto>, ValidationProblem, NotFound, ProblemHttpResult>> PostAsync(string key, UpdateInput input,
        ClaimsPrincipal user, ProjectsDb db, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.FindProjectAsync(key, ct, tracked: false);
        if (project is null)
            return TypedResults.NotFound();
        if (!project.MayPost(user))
            return ProjectAccess.MayNotPost();
        var record = RecordDescriptors.ProjectUpdate.Normalize(
            new ProjectUpdateRecord(key, input.Title ?? "", input.Text ?? "", input.HappenedOn, Visibility.Public));
        var errors = RecordDescriptors.ProjectUpdate.Validate(record);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var origin = new RecordOrigin(user.GetMemberId()!.Value, ProjectUpdate.PortalOrigin + Guid.NewGuid(), 1, now);
        var update = ProjectUpdate.From(origin, UpdateSource.Portal, user.FindFirstValue(Kommune20Claims.Name) ?? "Unbekannt", now);
        update.Apply(origin, record);
        update.ProjectId = project.Id;
        db.Updates.Add(update);
        db.AddIntegrationEvent(new Contracts.Projects.ProjectUpdatePosted(project.Key, project.Title, update.Id, record.Title, update.OriginMemberId,
            record.HappenedOn, now, record.Text, record.Visibility));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/projects/{key}", UpdateDto.From(update));
    }
}
