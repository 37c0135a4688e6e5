using Kommune20.Projects.Acceptance;

namespace Kommune20.Projects.Tests;

/// <summary>An acceptance figure is a count, not a guess: whom it reached, how many answered, how many of them approved.</summary>
public sealed class MeasurementRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 2);

    static MeasurementInput Vernissage(int respondents = 164, int answered = 158, int approving = 112, DateOnly? heldOn = null, List<string>? groups = null) =>
        new("Vernissage Digital", "event", heldOn ?? Today.AddDays(-62), groups ?? ["staff", "council", "citizens"], respondents,
            [new ApprovalInput("Die gezeigten Anwendungen erleichtern den Alltag.", answered, approving)]);

    [Fact]
    public void A_complete_measurement_passes() => Assert.Empty(MeasurementRules.Validate(Vernissage(), Today));

    [Fact]
    public void Each_impossible_figure_is_named_by_its_field()
    {
        Assert.Contains("questions[0].approving", MeasurementRules.Validate(Vernissage(approving: 159), Today).Keys);
        Assert.Contains("questions[0].answered", MeasurementRules.Validate(Vernissage(answered: 165), Today).Keys);
        Assert.Contains("respondents", MeasurementRules.Validate(Vernissage(respondents: 0), Today).Keys);
        Assert.Contains("heldOn", MeasurementRules.Validate(Vernissage(heldOn: Today.AddDays(1)), Today).Keys);
        Assert.Contains("audienceGroups", MeasurementRules.Validate(Vernissage(groups: ["presse"]), Today).Keys);
        Assert.Contains("audienceGroups", MeasurementRules.Validate(Vernissage(groups: []), Today).Keys);
        Assert.Equal(["kind", "questions", "title"],
            MeasurementRules.Validate(new MeasurementInput(" ", "umfrage", Today, ["citizens"], 10, []), Today).Keys.Order());
    }

    [Fact]
    public void The_approval_is_the_share_of_those_who_answered_over_all_questions()
    {
        var measurement = new AcceptanceMeasurement
        {
            Title = "Vernissage Digital",
            Questions = [new ApprovalFigure("Erleichtert den Alltag", 158, 112), new ApprovalFigure("Würde es nutzen", 161, 104)],
        };
        Assert.Equal(70.9m, measurement.Questions[0].ApprovalPercent);
        Assert.Equal(64.6m, measurement.Questions[1].ApprovalPercent);
        Assert.Equal(67.7m, measurement.ApprovalPercent);
        Assert.Equal(0m, new ApprovalFigure("Niemand antwortete", 0, 0).ApprovalPercent);
    }
}
