using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Tests;

public sealed class VotesTests
{
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void A_changed_ballot_counts_once_with_its_last_choice()
    {
        var accounting = BallotAccounting.Of(
            [Accepted(A, "yes"), Accepted(B, "no"), Accepted(A, "no"), Accepted(C, "abstain")],
            new ClosedTally(Yes: 0, No: 2, Abstain: 1));

        Assert.Equal(new BallotAccounting(Members: 3, Sent: 4, Accepted: 4, Errors: 0, Lost: 0, CountedTwice: 0), accounting);
    }

    [Fact]
    public void A_change_the_tally_missed_is_lost_even_when_the_total_is_right()
    {
        var accounting = BallotAccounting.Of([Accepted(A, "yes"), Accepted(A, "no"), Accepted(B, "no")], new ClosedTally(1, 1, 0));

        Assert.Equal(1, accounting.Lost);
        Assert.Equal(0, accounting.CountedTwice);
    }

    [Fact]
    public void A_tally_beyond_the_members_who_voted_counts_twice_and_a_missing_ballot_is_lost()
    {
        Assert.Equal(1, BallotAccounting.Of([Accepted(A, "yes"), Accepted(B, "yes")], new ClosedTally(3, 0, 0)).CountedTwice);
        Assert.Equal(1, BallotAccounting.Of([Accepted(A, "yes"), Accepted(B, "yes")], new ClosedTally(1, 0, 0)).Lost);
    }

    [Fact]
    public void A_ballot_answered_with_an_error_is_an_error_whether_or_not_it_landed()
    {
        var casts = new[] { Accepted(A, "yes"), new CastOutcome(B, "no", Accepted: false, Milliseconds: 30_000) };

        var landed = BallotAccounting.Of(casts, new ClosedTally(1, 1, 0));
        var missing = BallotAccounting.Of(casts, new ClosedTally(1, 0, 0));

        Assert.Equal(new BallotAccounting(2, 2, 1, 1, Lost: 0, CountedTwice: 0), landed);
        Assert.Equal(new BallotAccounting(2, 2, 1, 1, Lost: 0, CountedTwice: 0), missing);
    }

    [Fact]
    public void Votes_add_up()
    {
        var sum = BallotAccounting.Sum([new BallotAccounting(1000, 1200, 1199, 1, 2, 0), new BallotAccounting(200, 240, 240, 0, 0, 3)]);

        Assert.Equal(new BallotAccounting(1200, 1440, 1439, 1, 2, 3), sum);
    }

    [Fact]
    public void The_voters_the_live_rooms_participants_and_the_fleets_municipalities_never_share_a_key()
    {
        var voters = Enumerable.Range(DelegateRegistration.VotersFrom, 1_000).Select(SimulatedMunicipalities.City).ToList();
        var participants = Enumerable.Range(DelegateRegistration.ParticipantsFrom, 1_000).Select(SimulatedMunicipalities.City).ToList();
        var fleet = SimulatedMunicipalities.First(SimulatedMunicipalities.InGermany);

        Assert.Equal(SimulatedMunicipalities.InGermany + 2_000, fleet.Concat(voters).Concat(participants).Select(city => city.Ags).Distinct().Count());
    }

    static CastOutcome Accepted(Guid member, string choice) => new(member, choice, Accepted: true, Milliseconds: 12);
}
