namespace Kommune20.Portal.Projects;

public sealed record PhaseInput(string? Phase, string? Reason);

public sealed record ExtensionInput(DateOnly? EndsOn, string? Reason);

public sealed record MilestoneInput(string? Title, DateOnly? DueOn);

public sealed record MilestoneReachedInput(DateOnly? ReachedOn);

public sealed record UpdateInput(string? Title, string? Text, DateOnly? HappenedOn);

public sealed record MeasurementInput(string? Title, string? Kind, DateOnly? HeldOn, List<string> AudienceGroups, int? Respondents,
    List<ApprovalInput> Questions);

public sealed record ApprovalInput(string? Question, int? Answered, int? Approving);
