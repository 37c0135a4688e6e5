namespace Kommune20.Contracts.Registry;

/// <summary>A member's record changed (name, status, voting right, …); carries the state after the change.</summary>
public sealed record MemberChanged(Guid MemberId, string Name, string Kind, string? Ags, string? FederalState,
    string Status, bool HasVotingRight, DateTimeOffset ChangedAt);
