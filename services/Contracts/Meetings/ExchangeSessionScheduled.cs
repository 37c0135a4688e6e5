namespace Kommune20.Contracts.Meetings;

/// <summary>A moderator scheduled an exchange session, or changed its time or place; carries the state after the change.</summary>
public sealed record ExchangeSessionScheduled(Guid SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineUrl, Guid? AssemblyId, DateTimeOffset ScheduledAt);
