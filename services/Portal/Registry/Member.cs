namespace Kommune20.Portal.Registry;

/// <summary>A member as the Registry's API describes it (<c>/api/registry/members</c>).</summary>
public sealed record Member(
    Guid Id,
    string Kind,
    string Name,
    string? Ags,
    string? FederalState,
    string? Website,
    DateOnly? MemberSince,
    string Status,
    bool HasVotingRight,
    bool MayVote,
    DateTimeOffset UpdatedAt);

public sealed record MemberSummary(Guid Id, string Kind, string Name);

/// <summary>A member with the networks it belongs to and its own members (direct).</summary>
public sealed record MemberDetails(Member Member, IReadOnlyList<MemberSummary> Networks, IReadOnlyList<MemberSummary> Members);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>What the office writes for a member; the Registry validates it and names each wrong field.</summary>
public sealed record MemberInput(
    string? Kind,
    string? Name,
    string? Ags,
    string? FederalState,
    string? Website,
    DateOnly? MemberSince,
    string? Status,
    bool? HasVotingRight)
{
    public static MemberInput From(Member member) => new(member.Kind, member.Name, member.Ags, member.FederalState,
        member.Website, member.MemberSince, member.Status, member.HasVotingRight);
}
