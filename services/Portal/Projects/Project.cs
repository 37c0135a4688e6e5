using Kommune20.Contracts.Projects;

namespace Kommune20.Portal.Projects;

/// <summary>A project in the list (<c>GET /api/projects</c>).</summary>
public sealed record ProjectSummary(string Key, string Title, string FieldOfAction, Guid LeadMemberId, string LeadName, ProjectPhase Phase,
    DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Partners);

/// <summary>A project with everything the Projects service shows of it (<c>GET /api/projects/{key}</c>).</summary>
public sealed record ProjectDetail(string Key, string Title, string FieldOfAction, string Goal, string Hypothesis, Guid LeadMemberId,
    ProjectPhase Phase, IReadOnlyList<ProjectPhase> NextPhases, DateOnly StartsOn, DateOnly EndsOn, bool IsOverrun, decimal? BudgetEuros,
    string? FundingProgramme, IReadOnlyList<Participant> Participants, IReadOnlyList<Partner> Partners, IReadOnlyList<PhaseChange> History,
    IReadOnlyList<Milestone> Milestones, IReadOnlyList<ProjectUpdate> Updates, IReadOnlyList<Measurement> Acceptance)
{
    public string LeadName => Participants.FirstOrDefault(p => p.IsLead)?.Name ?? "";
}

public sealed record Participant(Guid MemberId, string Name, bool IsLead);

public sealed record Partner(string Name, string Role, Guid? MemberId);

/// <summary>A step in the history; an extension keeps the phase and names the previous and the new end.</summary>
public sealed record PhaseChange(ProjectPhase From, ProjectPhase To, DateOnly? PreviousEnd, DateOnly? NewEnd, string? Reason, string ByName,
    DateTimeOffset At);

public sealed record Milestone(Guid Id, string Title, DateOnly DueOn, DateOnly? ReachedOn, bool IsOverdue);

public sealed record ProjectUpdate(Guid Id, string Title, string Text, DateOnly? HappenedOn, UpdateSource Source, string AuthorName,
    DateTimeOffset PostedAt);

public enum UpdateSource
{
    Node,
    Portal,
}

/// <summary>A survey or event with the share of approving answers per question and over all of them: a point of the chart.</summary>
public sealed record Measurement(Guid Id, string Title, MeasurementKind Kind, DateOnly HeldOn, IReadOnlyList<AudienceGroup> AudienceGroups,
    int Respondents, decimal ApprovalPercent, IReadOnlyList<ApprovalFigure> Questions);

public sealed record ApprovalFigure(string Question, int Answered, int Approving, decimal ApprovalPercent);

public enum MeasurementKind
{
    Survey,
    Event,
}

public enum AudienceGroup
{
    Staff,
    Council,
    Citizens,
}
