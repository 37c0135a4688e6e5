namespace Kommune20.Registry.Members;

/// <summary>
/// An edge of the network-of-networks graph: <see cref="MemberId"/> belongs to the network <see cref="NetworkId"/>.
/// <see cref="RelayAllowed"/> records the member's consent that the network's relay node forwards its records.
/// </summary>
public sealed class NetworkMembership
{
    public Guid NetworkId { get; set; }
    public Guid MemberId { get; set; }
    public DateOnly? Since { get; set; }
    public bool RelayAllowed { get; set; }
}
