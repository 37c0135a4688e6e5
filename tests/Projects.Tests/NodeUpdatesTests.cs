using Kommune20.Contracts.Federation;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Kommune20.Projects.Seed;
using Kommune20.Projects.Updates;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Projects.Tests;

/// <summary>
/// The updates city nodes post, applied by Projects in-process over its own database: the origin's newer version wins, a
/// withdrawal hides the update, and an update from a city that does not take part is quarantined and reported, never shown.
/// </summary>
public sealed class NodeUpdatesTests : IDisposable
{
    static readonly Guid Heilbronn = Guid.Parse("6b0e2f1a-0005-4c20-9a20-000000000005");
    static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    readonly IsolatedService<Program> _service = new("projects");

    static ProjectUpdateRecord Update(string title) =>
        new("reallabore-heilbronn", title, "Zwischenstand aus dem Reallabor.", new DateOnly(2026, 11, 20), Visibility.Public);

    static RecordOrigin Origin(Guid member, string id, long version) => new(member, id, version, DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_origins_versions_win_and_a_city_that_does_not_take_part_is_quarantined()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        var seed = DemoProjects.Read().Projects.Single(p => p.Key == "reallabore-heilbronn");
        var (project, _, _) = DemoProjects.Build(seed, DateTimeOffset.UtcNow, new DateOnly(2026, 12, 2));
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var updates = scope.ServiceProvider.GetRequiredService<NodeUpdates>();

        await updates.ApplyAsync(Origin(Heilbronn, "vernissage", 5), Update("Vernissage vorbereitet"), default);
        await updates.ApplyAsync(Origin(Heilbronn, "vernissage", 4), Update("Ältere Fassung"), default);
        await updates.ApplyAsync(Origin(Heidelberg, "einmischung", 1), Update("Von Heidelberg"), default);
        await updates.ApplyAsync(Origin(Heilbronn, "vernissage", 7), Update("Vernissage Digital gezeigt"), default);

        var held = await db.Updates.AsNoTracking().ToListAsync();
        var heilbronn = Assert.Single(held, u => u.OriginMemberId == Heilbronn);
        Assert.True(heilbronn.IsShown);
        Assert.Equal(("Vernissage Digital gezeigt", 7L, "Heilbronn"), (heilbronn.Record!.Title, heilbronn.Version, heilbronn.AuthorName));
        var heidelberg = Assert.Single(held, u => u.OriginMemberId == Heidelberg);
        Assert.False(heidelberg.IsShown);
        Assert.Contains("nimmt am Projekt „Reallabore Digitale Stadt Heilbronn“ nicht teil", heidelberg.QuarantineReason);

        var events = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync();
        Assert.Equal(["ProjectUpdatePosted", "ProjectUpdateRefused", "ProjectUpdatePosted"], events.Select(t => t.Split(',')[0].Split('.')[^1]));

        // The city withdraws it: hidden and announced as withdrawn; the version it withdrew arriving late changes nothing. The
        // quarantined update's withdrawal is not announced: nobody was told of it.
        await updates.WithdrawAsync(Origin(Heilbronn, "vernissage", 8), default);
        await updates.ApplyAsync(Origin(Heilbronn, "vernissage", 7), Update("Vernissage Digital gezeigt"), default);
        await updates.WithdrawAsync(Origin(Heidelberg, "einmischung", 2), default);
        Assert.False((await db.Updates.AsNoTracking().SingleAsync(u => u.OriginId == "vernissage")).IsShown);
        var withdrawals = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("ProjectUpdateWithdrawn")).ToListAsync();
        Assert.Contains(heilbronn.Id.ToString(), Assert.Single(withdrawals).Body);
    }

    [Fact]
    public async Task An_update_for_a_project_the_hub_does_not_know_is_quarantined()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var updates = scope.ServiceProvider.GetRequiredService<NodeUpdates>();
        await updates.ApplyAsync(Origin(Heilbronn, "irrläufer", 1), Update("Irrläufer") with { ProjectKey = "gibt-es-nicht" }, default);

        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        var update = await db.Updates.AsNoTracking().SingleAsync(u => u.OriginId == "irrläufer");
        Assert.Null(update.ProjectId);
        Assert.Contains("„gibt-es-nicht“ gibt es am Hub nicht", update.QuarantineReason);
    }

    public void Dispose() => _service.Dispose();
}
