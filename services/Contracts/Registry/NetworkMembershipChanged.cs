namespace Kommune20.Contracts.Registry;

/// <summary>A member was added to or removed from a network, or the network's right to relay for it changed.</summary>
public sealed record NetworkMembershipChanged(Guid NetworkId, Guid MemberId, bool IsMember, bool RelayAllowed, DateTimeOffset ChangedAt);
