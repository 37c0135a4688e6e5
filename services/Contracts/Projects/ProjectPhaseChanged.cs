namespace Kommune20.Contracts.Projects;

/// <summary>A project moved to another phase, or its time box was extended (<see cref="From"/> equals <see cref="To"/> then).</summary>
public sealed record ProjectPhaseChanged(string Key, string Title, ProjectPhase From, ProjectPhase To, DateOnly EndsOn, string? Reason,
    DateTimeOffset ChangedAt);
