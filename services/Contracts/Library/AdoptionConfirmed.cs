namespace Kommune20.Contracts.Library;

/// <summary>The origin member confirmed an adoption of its practice; from now on it counts as verified.</summary>
public sealed record AdoptionConfirmed(Guid AdoptionId, Guid PracticeId, Guid OriginMemberId, string OriginId,
    Guid AdopterMemberId, DateTimeOffset ConfirmedAt);
