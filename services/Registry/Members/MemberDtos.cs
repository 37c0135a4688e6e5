namespace Kommune20.Registry.Members;

public sealed record MemberDto(
    Guid Id,
    MemberKind Kind,
    string Name,
    string? Ags,
    string? FederalState,
    string? Website,
    DateOnly? MemberSince,
    MemberStatus Status,
    bool HasVotingRight,
    bool MayVote,
    DateTimeOffset UpdatedAt)
{
    public static MemberDto From(Member member) => new(member.Id, member.Kind, member.Name, member.Ags, member.FederalState,
        member.Website, member.MemberSince, member.Status, member.HasVotingRight, member.MayVote, member.UpdatedAt);
}

public sealed record MemberSummary(Guid Id, MemberKind Kind, string Name)
{
    public static MemberSummary From(Member member) => new(member.Id, member.Kind, member.Name);
}

/// <summary>A member with its place in the network of networks: the networks it belongs to and its own members (direct).</summary>
public sealed record MemberDetails(MemberDto Member, IReadOnlyList<MemberSummary> Networks, IReadOnlyList<MemberSummary> Members);

public sealed record NetworkMembershipInput(DateOnly? Since, bool? RelayAllowed);

public sealed record NetworkMembershipDto(Guid NetworkId, Guid MemberId, DateOnly? Since, bool RelayAllowed)
{
    public static NetworkMembershipDto From(NetworkMembership edge) => new(edge.NetworkId, edge.MemberId, edge.Since, edge.RelayAllowed);
}

/// <summary>A direct member of a network and whether it consented that the network's node publishes for it.</summary>
public sealed record NetworkMemberDto(Guid MemberId, MemberKind Kind, string Name, bool RelayAllowed);

/// <summary>A network, how many direct members it has, and those of them shown (<c>/api/registry/networks</c>).</summary>
public sealed record NetworkOverview(MemberSummary Network, int MemberCount, IReadOnlyList<MemberSummary> Members)
{
    public const int DefaultShown = 24;
    public const int MaxShown = 500;
}
