namespace Kommune20.Contracts.Registry;

/// <summary>An organisation became a member or a partner of the association.</summary>
public sealed record MemberJoined(Guid MemberId, string Name, string Kind, string? Ags, string? FederalState,
    bool HasVotingRight, DateTimeOffset JoinedAt);
