using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Projects;
using Kommune20.Messaging;
using Kommune20.Projects.Catalog;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Kommune20.Projects.Seed;
using Kommune20.Projects.Transfer;
using Kommune20.ServiceDefaults.OpenData;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Projects.Tests;

/// <summary>
/// The transfer report: a practice the lead city publishes naming its project, once the project is evaluated or done, followed
/// by Projects in-process over its own database and announced once per project; any other practice naming the project stays
/// an ordinary practice. And the projects' open-data catalogue.
/// </summary>
public sealed class TransferReportsTests : IDisposable
{
    static readonly Guid Heilbronn = PracticeSamples.Heilbronn;
    static readonly Guid Heidelberg = PracticeSamples.Heidelberg;
    readonly IsolatedService<Program> _service = new("projects");

    static PracticeRecord Report(string title) => PracticeSamples.Digitallotsen() with
    {
        Title = title,
        Description = "Was funktioniert hat: … Was nicht funktioniert hat: … Kosten: … Was eine andere Stadt zur Übernahme braucht: …",
        SourceProjectKey = "reallabore-heilbronn",
    };

    static RecordOrigin Origin(Guid member, string id, long version) => new(member, id, version, DateTimeOffset.UtcNow);

    static PilotProject Heilbronns(ProjectPhase phase)
    {
        var seed = DemoProjects.Read().Projects.Single(p => p.Key == "reallabore-heilbronn");
        var (project, _, _) = DemoProjects.Build(seed, DateTimeOffset.UtcNow, new DateOnly(2026, 12, 2));
        project.Phase = phase;
        return project;
    }

    [Theory]
    [InlineData(ProjectPhase.Evaluating, true)]
    [InlineData(ProjectPhase.Completed, true)]
    [InlineData(ProjectPhase.Running, false)]
    [InlineData(ProjectPhase.Stopped, false)]
    public void Only_the_lead_city_reports_and_only_once_the_project_is_evaluated(ProjectPhase phase, bool counts)
    {
        var project = Heilbronns(phase);

        Assert.Equal(counts, TransferReportRules.Refusal(project, Heilbronn, project.Key) is null);
        Assert.Contains("veröffentlicht die leitende Stadt", TransferReportRules.Refusal(project, Heidelberg, project.Key));
        Assert.Contains("gibt es am Hub nicht", TransferReportRules.Refusal(null, Heilbronn, "gibt-es-nicht"));
    }

    [Fact]
    public async Task The_lead_citys_report_is_shown_and_announced_once_and_another_citys_is_not_its_report()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        var project = Heilbronns(ProjectPhase.Running);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var reports = scope.ServiceProvider.GetRequiredService<TransferReports>();

        // Too early: the project still runs. The city publishes a new version once it is completed.
        await reports.ApplyManyAsync([(Origin(Heilbronn, "transferbericht-reallabore", 1), Report("Entwurf"))], default);
        Assert.Null(await ShownAsync(db, project));
        project.Phase = ProjectPhase.Completed;
        await db.SaveChangesAsync();

        // One batch of the federation's events: two versions of the report in it are announced once.
        await reports.ApplyManyAsync(
        [
            (Origin(Heidelberg, "unser-blick-auf-heilbronn", 1), Report("Heidelbergs Sicht")),
            (Origin(Heilbronn, "transferbericht-reallabore", 2), Report("Transferbericht Reallabore Heilbronn")),
            (Origin(Heilbronn, "transferbericht-reallabore", 3), Report("Transferbericht Reallabore Heilbronn, ergänzt")),
            (Origin(Heilbronn, "digitallotsen", 1), PracticeSamples.Digitallotsen()),
        ], default);

        var shown = await ShownAsync(db, project);
        Assert.NotNull(shown);
        Assert.Equal((Heilbronn, "transferbericht-reallabore", "Transferbericht Reallabore Heilbronn, ergänzt"), (shown.OriginMemberId, shown.OriginId, shown.Title));
        Assert.Equal(["transferbericht-reallabore", "unser-blick-auf-heilbronn"], await db.TransferReports.Select(r => r.OriginId).OrderBy(id => id).ToListAsync());
        var announced = await db.Set<OutboxMessage>().AsNoTracking().Select(m => m.MessageType).ToListAsync();
        Assert.Equal(["TransferReportPublished"], announced.Select(t => t.Split(',')[0].Split('.')[^1]));

        // Withdrawn at the node: the project shows no report, and an older version arriving late changes nothing.
        await reports.WithdrawAsync(Origin(Heilbronn, "transferbericht-reallabore", 4), default);
        await reports.ApplyManyAsync([(Origin(Heilbronn, "transferbericht-reallabore", 3), Report("Verspätet"))], default);
        Assert.Null(await ShownAsync(db, project));
    }

    [Fact]
    public void The_catalogue_lists_a_project_as_a_dataset_with_its_period_and_transfer_report()
    {
        var project = Heilbronns(ProjectPhase.Completed);
        var report = new TransferReportDto(Heilbronn, "transferbericht-reallabore", "Transferbericht", null, DateTimeOffset.UnixEpoch);
        var turtle = TurtleWriter.Write(ProjectCatalog.Build([new ProjectCatalogEntry(project, DateTimeOffset.UnixEpoch, report)],
            new Uri("http://localhost:8080/"), Dcat.DefaultLicense, DateTimeOffset.UnixEpoch));

        Assert.Contains("<http://localhost:8080/api/projects/catalog> a dcat:Catalog ;", turtle);
        Assert.Contains("<http://localhost:8080/api/projects/reallabore-heilbronn> a dcat:Dataset ;", turtle);
        Assert.Contains("dct:title \"Reallabore Digitale Stadt Heilbronn\"@de", turtle);
        Assert.Contains("foaf:name \"Heilbronn\"", turtle);
        Assert.Contains($"dcat:endDate \"{project.EndsOn:yyyy-MM-dd}\"^^xsd:date", turtle);
        Assert.Contains($"dct:isReferencedBy <http://localhost:8080/api/federation/practices/{Heilbronn}/transferbericht-reallabore>", turtle);
    }

    static async Task<TransferReportDto?> ShownAsync(ProjectsDb db, PilotProject project) =>
        (await ProjectsApi.DetailAsync(db, await db.FindProjectAsync(project.Key, default, tracked: false) ?? project, TimeProvider.System, default)).TransferReport;

    public void Dispose() => _service.Dispose();
}
