namespace Kommune20.Bench.Measuring;

/// <summary>A ballot as the bench cast it: for which member, which choice (yes, no, abstain), whether the hub answered 2xx, and how long it took.</summary>
public sealed record CastOutcome(Guid MemberId, string Choice, bool Accepted, double Milliseconds);

/// <summary>The count of a closed vote, as the office's close answered it.</summary>
public sealed record ClosedTally(int Yes, int No, int Abstain)
{
    public int Total => Yes + No + Abstain;

    public int Of(string choice) => choice switch
    {
        "yes" => Yes,
        "no" => No,
        "abstain" => Abstain,
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "A choice is yes, no or abstain."),
    };
}

/// <summary>
/// Whether a closed vote counted what the hub accepted. Each member's ballot is the last one accepted for it (a change
/// replaces the first). Lost: accepted ballots whose choice the tally lacks (per choice, how many fewer it counted than
/// were accepted). Counted twice: how many more ballots the tally holds than members voted. Members are those with any
/// ballot sent, so a ballot answered with an error that still landed is not taken for a double count; such a ballot is
/// in <see cref="Errors"/>.
/// </summary>
public sealed record BallotAccounting(int Members, int Sent, int Accepted, int Errors, int Lost, int CountedTwice)
{
    /// <param name="casts">Every ballot sent, each member's in the order they were sent.</param>
    public static BallotAccounting Of(IReadOnlyList<CastOutcome> casts, ClosedTally tally)
    {
        var last = new Dictionary<Guid, string>();
        foreach (var cast in casts.Where(cast => cast.Accepted))
            last[cast.MemberId] = cast.Choice;
        var members = casts.Select(cast => cast.MemberId).Distinct().Count();
        var lost = last.Values.GroupBy(choice => choice).Sum(accepted => Math.Max(0, accepted.Count() - tally.Of(accepted.Key)));
        var accepted = casts.Count(cast => cast.Accepted);
        return new BallotAccounting(members, casts.Count, accepted, casts.Count - accepted, lost, Math.Max(0, tally.Total - members));
    }

    /// <summary>Several votes' accounting taken together.</summary>
    public static BallotAccounting Sum(IEnumerable<BallotAccounting> votes) => votes.Aggregate(new BallotAccounting(0, 0, 0, 0, 0, 0),
        (sum, vote) => new BallotAccounting(sum.Members + vote.Members, sum.Sent + vote.Sent, sum.Accepted + vote.Accepted,
            sum.Errors + vote.Errors, sum.Lost + vote.Lost, sum.CountedTwice + vote.CountedTwice));
}
