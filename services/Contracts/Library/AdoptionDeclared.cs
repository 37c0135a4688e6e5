namespace Kommune20.Contracts.Library;

/// <summary>A member declared that it adopted or is adapting another member's practice; not verified until the origin confirms.</summary>
public sealed record AdoptionDeclared(Guid AdoptionId, Guid PracticeId, Guid OriginMemberId, string OriginId,
    Guid AdopterMemberId, AdoptionStage Stage, DateTimeOffset DeclaredAt);
