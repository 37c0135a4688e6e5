namespace Kommune20.Projects.Acceptance;

/// <summary>
/// One survey or event that measured citizens' acceptance (Heilbronn's "Vernissage Digital"): when, whom it reached, how many
/// answered, and per question how many of them approved.
/// </summary>
public sealed class AcceptanceMeasurement
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public required string Title { get; init; }
    public MeasurementKind Kind { get; init; }
    public DateOnly HeldOn { get; init; }
    public List<AudienceGroup> AudienceGroups { get; init; } = [];
    public int Respondents { get; init; }
    public List<ApprovalFigure> Questions { get; init; } = [];
    public Guid RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The share approving over all questions, in percent with one decimal: the chart's point for this measurement.</summary>
    public decimal ApprovalPercent => ApprovalFigure.Percent(Questions.Sum(q => q.Approving), Questions.Sum(q => q.Answered));
}

/// <summary>A question of a survey: how many answered it and how many of them approved.</summary>
public sealed record ApprovalFigure(string Question, int Answered, int Approving)
{
    public decimal ApprovalPercent => Percent(Approving, Answered);

    public static decimal Percent(int approving, int answered) =>
        answered == 0 ? 0m : Math.Round(100m * approving / answered, 1, MidpointRounding.AwayFromZero);
}

public enum MeasurementKind
{
    Survey,
    Event,
}

/// <summary>Whom a measurement reached, as Heilbronn names them: the city's staff, the council, the citizens.</summary>
public enum AudienceGroup
{
    Staff,
    Council,
    Citizens,
}
