using Kommune20.Contracts.Projects;
using Kommune20.Projects.Pilots;

namespace Kommune20.Projects.Tests;

/// <summary>The phases a Reallabor moves through, its time box, and the explicit extension.</summary>
public sealed class PhaseRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 2);

    static PilotProject Project(ProjectPhase phase, DateOnly? endsOn = null) => new()
    {
        Id = Guid.NewGuid(), Key = "reallabore-heilbronn", Title = "Reallabore Digitale Stadt Heilbronn", FieldOfAction = "Digitale Stadt",
        Goal = "Anwendungen erproben.", Hypothesis = "Die Bürgerschaft nimmt sie an.", LeadMemberId = Guid.NewGuid(),
        StartsOn = Today.AddDays(-100), EndsOn = endsOn ?? Today.AddDays(100), Phase = phase,
    };

    [Theory]
    [InlineData(ProjectPhase.Proposed, ProjectPhase.Approved)]
    [InlineData(ProjectPhase.Proposed, ProjectPhase.Stopped)]
    [InlineData(ProjectPhase.Approved, ProjectPhase.Running)]
    [InlineData(ProjectPhase.Approved, ProjectPhase.Stopped)]
    [InlineData(ProjectPhase.Running, ProjectPhase.Evaluating)]
    [InlineData(ProjectPhase.Running, ProjectPhase.Stopped)]
    [InlineData(ProjectPhase.Evaluating, ProjectPhase.Completed)]
    [InlineData(ProjectPhase.Evaluating, ProjectPhase.Stopped)]
    public void The_allowed_transitions_pass(ProjectPhase from, ProjectPhase to) =>
        Assert.Null(PhaseRules.RefuseTransition(Project(from), to, Today));

    [Theory]
    [InlineData(ProjectPhase.Running, ProjectPhase.Proposed, "nur nach „in Auswertung“ oder „abgebrochen“")]
    [InlineData(ProjectPhase.Proposed, ProjectPhase.Running, "nur nach „bewilligt“ oder „abgebrochen“")]
    [InlineData(ProjectPhase.Evaluating, ProjectPhase.Running, "nicht nach „laufend“")]
    [InlineData(ProjectPhase.Completed, ProjectPhase.Running, "abgeschlossen; danach folgt keine Phase mehr")]
    [InlineData(ProjectPhase.Stopped, ProjectPhase.Approved, "abgebrochen; danach folgt keine Phase mehr")]
    public void Other_transitions_are_refused_with_the_way_that_is_open(ProjectPhase from, ProjectPhase to, string reason) =>
        Assert.Contains(reason, PhaseRules.RefuseTransition(Project(from), to, Today));

    [Fact]
    public void A_Reallabor_does_not_start_after_its_end_nor_before_its_start()
    {
        Assert.Contains("Laufzeit endete am 01.12.2026", PhaseRules.RefuseTransition(Project(ProjectPhase.Approved, Today.AddDays(-1)), ProjectPhase.Running, Today));
        Assert.Null(PhaseRules.RefuseTransition(Project(ProjectPhase.Approved, Today), ProjectPhase.Running, Today));
        var early = Project(ProjectPhase.Approved);
        early.StartsOn = Today.AddDays(3);
        Assert.Contains("beginnt erst am 05.12.2026", PhaseRules.RefuseTransition(early, ProjectPhase.Running, Today));
    }

    [Fact]
    public void A_running_project_past_its_end_is_overrun_until_it_is_extended()
    {
        var project = Project(ProjectPhase.Running, Today.AddDays(-1));
        Assert.True(PhaseRules.IsOverrun(project, Today));
        Assert.Null(PhaseRules.RefuseExtension(project, Today.AddDays(30)));
        project.EndsOn = Today.AddDays(30);
        Assert.False(PhaseRules.IsOverrun(project, Today));
        Assert.False(PhaseRules.IsOverrun(Project(ProjectPhase.Evaluating, Today.AddDays(-1)), Today));
    }

    [Fact]
    public void An_extension_moves_the_end_later_and_only_before_the_evaluation()
    {
        Assert.Contains("nach den", PhaseRules.RefuseExtension(Project(ProjectPhase.Running), Today.AddDays(100)));
        Assert.Contains("nicht mehr verlängert", PhaseRules.RefuseExtension(Project(ProjectPhase.Evaluating), Today.AddDays(300)));
        Assert.Contains("nicht mehr verlängert", PhaseRules.RefuseExtension(Project(ProjectPhase.Completed), Today.AddDays(300)));
        Assert.Null(PhaseRules.RefuseExtension(Project(ProjectPhase.Approved), Today.AddDays(101)));
    }

    [Fact]
    public void Completed_and_stopped_are_final_and_every_phase_has_a_German_name()
    {
        Assert.Equal([ProjectPhase.Completed, ProjectPhase.Stopped], Enum.GetValues<ProjectPhase>().Where(PhaseRules.IsFinal));
        Assert.Equal(6, Enum.GetValues<ProjectPhase>().Select(PhaseNames.Of).Distinct().Count());
        Assert.Equal(ProjectPhase.Evaluating, PhaseParser.TryParse(" Evaluating "));
        Assert.Null(PhaseParser.TryParse("laufend"));
    }
}
