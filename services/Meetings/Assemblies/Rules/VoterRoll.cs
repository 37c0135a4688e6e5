namespace Kommune20.Meetings.Assemblies.Rules;

/// <summary>
/// Who takes part in a vote, and through whom. A voting member with a delegate checked in casts its own vote (a proxy it
/// gave then rests); an absent voting member is represented when its proxy holder is present and still has a vote.
/// Members without a vote (partner institutions) never appear. The roll is computed live for the quorum and frozen when
/// a vote opens.
/// </summary>
public sealed class VoterRoll
{
    readonly Dictionary<Guid, Guid> castBy;

    VoterRoll(int votingMembers, int present, Dictionary<Guid, Guid> castBy)
    {
        VotingMembers = votingMembers;
        Present = present;
        this.castBy = castBy;
    }

    public int VotingMembers { get; }

    public int Present { get; }

    public int Represented => castBy.Count - Present;

    public int PresentOrRepresented => castBy.Count;

    /// <summary>Each member on the roll and the present member whose delegate casts its vote (itself or its proxy holder).</summary>
    public IReadOnlyDictionary<Guid, Guid> CastBy => castBy;

    public bool QuorumReached(Statutes statutes) => PresentOrRepresented >= statutes.QuorumOf(VotingMembers);

    /// <summary>The members whose votes a delegate of <paramref name="presentMember"/> casts: its own and those it represents.</summary>
    public IEnumerable<Guid> VotesOf(Guid presentMember) =>
        castBy.Where(entry => entry.Value == presentMember).Select(entry => entry.Key);

    public static VoterRoll Of(IReadOnlySet<Guid> votingMembers, IReadOnlySet<Guid> checkedIn, IEnumerable<ProxyGrant> proxies)
    {
        var present = votingMembers.Where(checkedIn.Contains).ToHashSet();
        var castBy = present.ToDictionary(member => member, member => member);
        foreach (var proxy in proxies)
        {
            if (votingMembers.Contains(proxy.Grantor) && !present.Contains(proxy.Grantor) && present.Contains(proxy.Holder))
                castBy.TryAdd(proxy.Grantor, proxy.Holder);
        }
        return new VoterRoll(votingMembers.Count, present.Count, castBy);
    }
}
