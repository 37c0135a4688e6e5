namespace Kommune20.Contracts.Projects;

/// <summary>A lead city proposed a pilot project with the members taking part and its time box.</summary>
public sealed record ProjectProposed(string Key, string Title, string FieldOfAction, Guid LeadMemberId, IReadOnlyList<Guid> ParticipantIds,
    DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset ProposedAt);
