namespace Kommune20.Projects.Pilots;

/// <summary>A lead city's proposal; the lead is the proposing person's member, who also takes part.</summary>
public sealed record ProposalInput(string? Key, string? Title, string? FieldOfAction, string? Goal, string? Hypothesis,
    List<Guid>? ParticipantIds, List<PartnerInput>? Partners, DateOnly? StartsOn, DateOnly? EndsOn, decimal? BudgetEuros, string? FundingProgramme);

public sealed record PartnerInput(string? Name, string? Role, Guid? MemberId);

public sealed record PhaseInput(string? Phase, string? Reason);

public sealed record ExtensionInput(DateOnly? EndsOn, string? Reason);

public sealed record MilestoneInput(string? Title, DateOnly? DueOn);

public sealed record MilestoneReachedInput(DateOnly? ReachedOn);
