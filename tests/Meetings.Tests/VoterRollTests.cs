using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Tests;

public class VoterRollTests
{
    static readonly Guid[] Members = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
    static readonly HashSet<Guid> Voting = [.. Members];
    static readonly Guid Partner = Guid.NewGuid();
    static readonly Statutes HalfPresent = new() { QuorumPercent = 50 };

    [Fact]
    public void A_minority_checked_in_misses_the_quorum()
    {
        var roll = VoterRoll.Of(Voting, new HashSet<Guid> { Members[0], Members[1], Members[2], Members[3], Partner }, []);

        Assert.Equal(4, roll.Present);
        Assert.Equal(5, HalfPresent.QuorumOf(roll.VotingMembers));
        Assert.False(roll.QuorumReached(HalfPresent));
    }

    [Fact]
    public void A_proxy_whose_holder_is_present_counts_towards_the_quorum()
    {
        var roll = VoterRoll.Of(Voting, Members.Take(4).ToHashSet(), [new ProxyGrant(Members[9], Members[0])]);

        Assert.Equal(1, roll.Represented);
        Assert.True(roll.QuorumReached(HalfPresent));
        Assert.Equal(new HashSet<Guid> { Members[0], Members[9] }, roll.VotesOf(Members[0]).ToHashSet());
    }

    [Fact]
    public void A_proxy_rests_while_the_grantor_is_present_and_counts_nothing_while_the_holder_is_absent()
    {
        var present = new HashSet<Guid> { Members[0], Members[1] };
        var roll = VoterRoll.Of(Voting, present, [new ProxyGrant(Members[1], Members[0]), new ProxyGrant(Members[2], Members[5])]);

        Assert.Equal(2, roll.PresentOrRepresented);
        Assert.Equal(Members[1], roll.CastBy[Members[1]]);
        Assert.False(roll.CastBy.ContainsKey(Members[2]));
    }

    [Fact]
    public void A_member_that_lost_its_vote_is_not_on_the_roll_even_through_a_proxy()
    {
        var outsider = Guid.NewGuid();
        var roll = VoterRoll.Of(Voting, new HashSet<Guid> { Members[0], Partner }, [new ProxyGrant(outsider, Members[0])]);

        Assert.Equal([Members[0]], roll.CastBy.Keys);
    }

    [Fact]
    public void Statutes_with_no_quorum_still_need_someone_present()
    {
        var none = new Statutes { QuorumPercent = 0 };

        Assert.False(VoterRoll.Of(Voting, new HashSet<Guid>(), []).QuorumReached(none));
        Assert.True(VoterRoll.Of(Voting, new HashSet<Guid> { Members[3] }, []).QuorumReached(none));
    }
}
