namespace Kommune20.Meetings.Assemblies;

/// <summary>What the office enters for an assembly; every field is checked by <see cref="AssemblyRules"/>.</summary>
public sealed record AssemblyInput(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? OnlineUrl,
    string? Chair, string? MinuteTaker);

/// <summary>An agenda item as the office enters it; <c>motionId</c> puts a filed motion under it.</summary>
public sealed record AgendaItemInput(string? Title, string? Description, List<DocumentInput?>? Documents, Guid? MotionId);

public sealed record DocumentInput(string? Title, string? Url);
