namespace Kommune20.Registry.Members;

/// <summary>
/// The network-of-networks as an in-memory graph over membership edges. Answers the transitive questions
/// ("all members of the Metropolregion", "every network Heidelberg belongs to") and refuses cycles.
/// </summary>
public sealed class MemberGraph
{
    readonly ILookup<Guid, Guid> _membersOf;
    readonly ILookup<Guid, Guid> _networksOf;
    readonly HashSet<(Guid Network, Guid Member)> _relays;

    public MemberGraph(IEnumerable<NetworkMembership> edges)
    {
        var list = edges.ToList();
        _membersOf = list.ToLookup(edge => edge.NetworkId, edge => edge.MemberId);
        _networksOf = list.ToLookup(edge => edge.MemberId, edge => edge.NetworkId);
        _relays = list.Where(edge => edge.RelayAllowed).Select(edge => (edge.NetworkId, edge.MemberId)).ToHashSet();
    }

    /// <summary>Every member that has members of its own.</summary>
    public IEnumerable<Guid> Networks => _membersOf.Select(members => members.Key);

    public IReadOnlySet<Guid> MembersOf(Guid network, bool transitive) => Walk(network, _membersOf, transitive);

    public IReadOnlySet<Guid> NetworksOf(Guid member, bool transitive) => Walk(member, _networksOf, transitive);

    /// <summary>Adding <paramref name="member"/> to <paramref name="network"/> closes a cycle when the member already contains the network.</summary>
    public bool WouldCreateCycle(Guid network, Guid member) => network == member || MembersOf(member, transitive: true).Contains(network);

    /// <summary>A relay may forward a member's records when the member belongs to the network directly and consented.</summary>
    public bool MayRelay(Guid network, Guid member) => _relays.Contains((network, member));

    static HashSet<Guid> Walk(Guid start, ILookup<Guid, Guid> next, bool transitive)
    {
        var seen = new HashSet<Guid>();
        var pending = new Queue<Guid>(next[start]);
        while (pending.TryDequeue(out var current))
        {
            if (current == start || !seen.Add(current) || !transitive)
                continue;
            foreach (var further in next[current])
                pending.Enqueue(further);
        }
        return seen;
    }
}
