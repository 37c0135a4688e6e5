namespace Kommune20.Contracts.Projects;

/// <summary>A survey or event measured citizens' acceptance: how many answered and the share approving, over all its questions.</summary>
public sealed record AcceptanceMeasured(string Key, string ProjectTitle, Guid MeasurementId, string Title, DateOnly HeldOn, int Respondents,
    decimal ApprovalPercent, DateTimeOffset RecordedAt);
