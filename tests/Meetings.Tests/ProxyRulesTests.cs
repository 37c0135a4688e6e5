using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Tests;

public class ProxyRulesTests
{
    static readonly Guid Heidelberg = Guid.NewGuid(), Pforzheim = Guid.NewGuid(), Heilbronn = Guid.NewGuid(),
        Merseburg = Guid.NewGuid(), Freiburg = Guid.NewGuid(), Fraunhofer = Guid.NewGuid();
    static readonly HashSet<Guid> Voting = [Heidelberg, Pforzheim, Heilbronn, Merseburg, Freiburg];
    static readonly Statutes TwoPerHolder = new() { ProxiesPerHolder = 2 };

    static Dictionary<string, string[]> Check(Guid grantor, Guid holder, params ProxyGrant[] active) =>
        ProxyRules.Validate(new ProxyGrant(grantor, holder), Voting, active, TwoPerHolder);

    [Fact]
    public void A_voting_member_may_give_its_vote_to_another() =>
        Assert.Empty(Check(Pforzheim, Heidelberg));

    [Fact]
    public void A_member_without_a_vote_neither_gives_nor_holds_one()
    {
        Assert.Contains("grantorId", Check(Fraunhofer, Heidelberg).Keys);
        Assert.Contains("holderId", Check(Heidelberg, Fraunhofer).Keys);
    }

    [Fact]
    public void Nobody_represents_itself() =>
        Assert.Contains("holderId", Check(Heidelberg, Heidelberg).Keys);

    [Fact]
    public void A_holder_carries_no_more_proxies_than_the_statutes_allow()
    {
        var errors = Check(Freiburg, Heidelberg, new ProxyGrant(Pforzheim, Heidelberg), new ProxyGrant(Heilbronn, Heidelberg));

        Assert.Contains("höchstens 2", Assert.Single(errors["holderId"]));
    }

    [Fact]
    public void A_vote_is_given_once_until_revoked() =>
        Assert.Contains("grantorId", Check(Pforzheim, Merseburg, new ProxyGrant(Pforzheim, Heidelberg)).Keys);

    [Fact]
    public void A_vote_given_away_is_not_passed_on()
    {
        Assert.Contains("holderId", Check(Merseburg, Pforzheim, new ProxyGrant(Pforzheim, Heidelberg)).Keys);
        Assert.Contains("grantorId", Check(Heidelberg, Merseburg, new ProxyGrant(Pforzheim, Heidelberg)).Keys);
    }
}
