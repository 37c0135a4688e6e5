namespace Kommune20.Contracts.Library;

/// <summary>A member said it wants to adopt a practice (e.g. in an exchange session statement).</summary>
public sealed record AdoptionInterestRecorded(Guid InterestId, Guid PracticeId, Guid OriginMemberId, string OriginId,
    Guid MemberId, DateTimeOffset RecordedAt);
