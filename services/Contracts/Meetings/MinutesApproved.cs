namespace Kommune20.Contracts.Meetings;

/// <summary>The chair and the minute-taker approved an assembly's minutes; they are final and published to the members.</summary>
public sealed record MinutesApproved(Guid AssemblyId, string Title, DateTimeOffset ApprovedAt);
