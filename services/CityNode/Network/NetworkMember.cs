namespace Kommune20.CityNode.Network;

/// <summary>A direct member of the node's network as the Registry lists it, and whether it consented to being relayed.</summary>
public sealed record NetworkMember(Guid MemberId, string Name, bool RelayAllowed);
