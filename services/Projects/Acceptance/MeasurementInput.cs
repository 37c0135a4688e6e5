namespace Kommune20.Projects.Acceptance;

public sealed record MeasurementInput(string? Title, string? Kind, DateOnly? HeldOn, List<string>? AudienceGroups, int? Respondents,
    List<ApprovalInput>? Questions);

public sealed record ApprovalInput(string? Question, int? Answered, int? Approving);
