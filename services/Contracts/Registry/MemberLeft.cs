namespace Kommune20.Contracts.Registry;

/// <summary>A member left the association; its history stays, its voting right ends.</summary>
public sealed record MemberLeft(Guid MemberId, string Name, DateTimeOffset LeftAt);
