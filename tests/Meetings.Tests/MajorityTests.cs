using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Tests;

public class MajorityTests
{
    [Theory]
    [InlineData(10, 9, 30, true)]    // abstentions do not count against
    [InlineData(10, 10, 0, false)]   // a tie fails
    [InlineData(1, 0, 40, true)]     // one yes and forty abstentions pass
    [InlineData(0, 0, 12, false)]    // nobody voted yes or no
    public void A_simple_majority_counts_yes_against_no_and_ignores_abstentions(int yes, int no, int abstain, bool passes) =>
        Assert.Equal(passes, new Tally(yes, no, abstain).Passes(Majority.Simple, votingMembers: 100));

    [Theory]
    [InlineData(20, 10, true)]       // exactly two thirds
    [InlineData(19, 10, false)]
    [InlineData(2, 1, true)]
    public void Two_thirds_of_the_votes_cast(int yes, int no, bool passes) =>
        Assert.Equal(passes, new Tally(yes, no, 5).Passes(Majority.TwoThirds, votingMembers: 100));

    [Theory]
    [InlineData(15, 5, true)]        // exactly three quarters
    [InlineData(14, 5, false)]       // one vote short: 14 of 19 is 73.7 %
    [InlineData(3, 1, true)]
    [InlineData(2, 1, false)]
    public void Three_quarters_of_the_votes_cast_for_a_statute_change(int yes, int no, bool passes) =>
        Assert.Equal(passes, new Tally(yes, no, 3).Passes(Majority.ThreeQuarters, votingMembers: 100));

    [Theory]
    [InlineData(21, 0, 40, true)]    // 21 of 40 voting members, whatever the others did
    [InlineData(20, 0, 40, false)]   // half is not more than half
    [InlineData(11, 10, 21, true)]
    public void An_absolute_majority_counts_against_all_voting_members(int yes, int no, int votingMembers, bool passes) =>
        Assert.Equal(passes, new Tally(yes, no, 0).Passes(Majority.AbsoluteOfMembers, votingMembers));

    [Fact]
    public void The_yes_votes_needed_are_what_the_minutes_report()
    {
        var tally = new Tally(Yes: 14, No: 5, Abstain: 2);

        Assert.Equal(10, tally.YesNeeded(Majority.Simple, 40));
        Assert.Equal(13, tally.YesNeeded(Majority.TwoThirds, 40));
        Assert.Equal(15, tally.YesNeeded(Majority.ThreeQuarters, 40));
        Assert.Equal(21, tally.YesNeeded(Majority.AbsoluteOfMembers, 40));
        Assert.Equal(19, tally.Counted);
        Assert.Equal(21, tally.Ballots);
    }

    [Fact]
    public void The_statutes_say_which_majority_a_kind_of_decision_needs()
    {
        var statutes = new Statutes();

        Assert.Equal(Majority.Simple, statutes.MajorityFor(DecisionKind.Resolution));
        Assert.Equal(Majority.ThreeQuarters, statutes.MajorityFor(DecisionKind.StatuteChange));
        Assert.Equal(Majority.AbsoluteOfMembers,
            new Statutes { Majorities = new() { [DecisionKind.Dissolution] = Majority.AbsoluteOfMembers } }.MajorityFor(DecisionKind.Dissolution));
    }
}
