namespace Kommune20.Portal;

/// <summary>Where each member city's own node serves its editor pages (<c>CityNodes:{n}:MemberId</c> and <c>:Address</c>).</summary>
public sealed class CityNodes(IConfiguration configuration)
{
    sealed record Node(Guid MemberId, Uri Address);

    readonly IReadOnlyList<Node> _nodes = configuration.GetSection("CityNodes").Get<List<Node>>() ?? [];

    public Uri? AddressOf(Guid memberId) => _nodes.FirstOrDefault(node => node.MemberId == memberId)?.Address;
}
