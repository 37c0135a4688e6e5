namespace Kommune20.Contracts.Projects;

/// <summary>A milestone reached its due date without being reached: announced once, on the day after it was due.</summary>
public sealed record MilestoneDue(string Key, string ProjectTitle, Guid MilestoneId, string Title, DateOnly DueOn);
