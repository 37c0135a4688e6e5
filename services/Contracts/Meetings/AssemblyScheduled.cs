namespace Kommune20.Contracts.Meetings;

/// <summary>The office scheduled a general assembly, or moved it; carries the state after the change.</summary>
public sealed record AssemblyScheduled(Guid AssemblyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineUrl, DateTimeOffset ScheduledAt);
