namespace Kommune20.CityNode.Network;

/// <summary>
/// A member that took its records over into a node of its own: the network node no longer pushes for it, and its
/// records here are read-only.
/// </summary>
public sealed class HandedOverMember
{
    public Guid MemberId { get; set; }
    public DateTimeOffset HandedOverAt { get; set; }
}
