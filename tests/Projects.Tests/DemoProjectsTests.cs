using Kommune20.Contracts.Projects;
using Kommune20.Projects.Seed;

namespace Kommune20.Projects.Tests;

/// <summary>The demo's projects come from the seeds: Heilbronn's Reallabore (seeds/002) and Pforzheim's AR project (seeds/001).</summary>
public sealed class DemoProjectsTests
{
    static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void Heilbronns_Reallabor_runs_with_KPMG_the_Vernissage_Digital_and_one_overdue_milestone()
    {
        var seed = DemoProjects.Read().Projects.Single(p => p.Key == "reallabore-heilbronn");
        var (project, measurements, updates) = DemoProjects.Build(seed, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), Today);

        Assert.Equal(ProjectPhase.Running, project.Phase);
        Assert.Equal([ProjectPhase.Proposed, ProjectPhase.Approved, ProjectPhase.Running], project.PhaseChanges.Select(c => c.To));
        Assert.Equal("KPMG AG Wirtschaftsprüfungsgesellschaft", Assert.Single(project.Partners).Name);
        Assert.Equal("Heilbronn", Assert.Single(project.Participants).Name);
        Assert.Equal("Rückmeldungen der Vernissage dem Gemeinderat vorlegen", Assert.Single(project.Milestones, m => m.IsOverdue(Today)).Title);
        var vernissage = Assert.Single(measurements, m => m.Title == "Vernissage Digital");
        Assert.Equal(3, vernissage.AudienceGroups.Count);
        Assert.True(measurements.Select(m => m.HeldOn).SequenceEqual(measurements.Select(m => m.HeldOn).Order()));
        Assert.All(updates, u => Assert.True(u.IsShown));
    }

    [Fact]
    public void Pforzheims_AR_project_is_approved_with_the_Hochschule_Pforzheim()
    {
        var seed = DemoProjects.Read().Projects.Single(p => p.Key == "ar-pforzheim-1945");
        var (project, measurements, _) = DemoProjects.Build(seed, DateTimeOffset.UtcNow, Today);

        Assert.Equal(ProjectPhase.Approved, project.Phase);
        Assert.Equal("Hochschule Pforzheim", Assert.Single(project.Partners).Name);
        Assert.Contains("Augmented Reality", project.Title);
        Assert.True(project.StartsOn > Today);
        Assert.Empty(measurements);
    }
}
