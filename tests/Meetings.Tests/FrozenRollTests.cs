using Kommune20.Meetings.Votes;

namespace Kommune20.Meetings.Tests;

/// <summary>Whom a delegate votes for, as the roll froze when the vote opened: its member and the members whose proxies it holds.</summary>
public sealed class FrozenRollTests
{
    static readonly Guid Heidelberg = Guid.NewGuid(), Pforzheim = Guid.NewGuid(), Heilbronn = Guid.NewGuid();

    // Heidelberg is present and holds Pforzheim's proxy; Heilbronn is present on its own.
    static readonly FrozenRoll Roll = new(
        new Dictionary<Guid, Guid> { [Heidelberg] = Heidelberg, [Pforzheim] = Heidelberg, [Heilbronn] = Heilbronn },
        new Dictionary<string, Guid> { ["svenja"] = Heidelberg, ["juri"] = Heilbronn });

    [Fact]
    public void A_delegate_votes_for_its_member_and_the_proxies_its_member_holds() =>
        Assert.Equal(new[] { Heidelberg, Pforzheim }.Order(), Roll.MembersVotedBy("svenja").Order());

    [Fact]
    public void A_delegate_without_proxies_votes_for_its_member_only() => Assert.Equal([Heilbronn], Roll.MembersVotedBy("juri"));

    [Theory]
    [InlineData("nachzuegler")]
    [InlineData(null)]
    public void A_person_not_checked_in_when_the_vote_opened_votes_for_nobody(string? person) => Assert.Empty(Roll.MembersVotedBy(person));
}
