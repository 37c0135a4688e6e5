using Kommune20.Contracts.Projects;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Kommune20.ServiceDefaults.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Catalog;

/// <summary>
/// The pilot projects as open data, beside the library's practices and in the same forms (DCAT-AP.de as JSON-LD and Turtle).
/// A proposal the office has not approved is not in it yet.
/// </summary>
public static class ProjectCatalogApi
{
    public static RouteGroupBuilder MapProjectCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Open data").AllowAnonymous();
        group.MapGet("/catalog.jsonld", async (HttpRequest request, ProjectsDb db, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            Results.Text(JsonLdWriter.Write(ProjectCatalog.Build(await EntriesAsync(db, ct), Dcat.Root(request), Dcat.License(configuration), clock.GetUtcNow())),
                "application/ld+json; charset=utf-8"));
        group.MapGet("/catalog.ttl", async (HttpRequest request, ProjectsDb db, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            Results.Text(TurtleWriter.Write(ProjectCatalog.Build(await EntriesAsync(db, ct), Dcat.Root(request), Dcat.License(configuration), clock.GetUtcNow())),
                "text/turtle; charset=utf-8"));
        return group;
    }

    static async Task<List<ProjectCatalogEntry>> EntriesAsync(ProjectsDb db, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Include(p => p.Participants).Include(p => p.PhaseChanges).AsSplitQuery()
            .Where(p => p.Phase != ProjectPhase.Proposed).OrderBy(p => p.Key).ToListAsync(ct);
        var reports = (await db.TransferReports.AsNoTracking().Where(r => r.ProjectId != null && !r.IsWithdrawn && r.Record != null).ToListAsync(ct))
            .GroupBy(r => r.ProjectId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(r => r.AcceptedAt).First());
        return projects.Select(p => new ProjectCatalogEntry(p, p.PhaseChanges.Select(c => c.At).DefaultIfEmpty(p.ProposedAt).Max(),
            reports.TryGetValue(p.Id, out var report) ? TransferReportDto.From(report) : null)).ToList();
    }
}
