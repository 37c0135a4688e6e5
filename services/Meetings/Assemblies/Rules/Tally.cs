namespace Kommune20.Meetings.Assemblies.Rules;

/// <summary>The counts of one vote. <see cref="Counted"/> are the votes cast in the legal sense: yes and no.</summary>
public readonly record struct Tally(int Yes, int No, int Abstain)
{
    public int Counted => Yes + No;

    public int Ballots => Yes + No + Abstain;

    /// <summary>The yes votes the majority needs with these counts; at least one, so an empty vote never passes.</summary>
    public int YesNeeded(Majority majority, int votingMembers) => Math.Max(1, majority switch
    {
        Majority.Simple => Counted / 2 + 1,
        Majority.TwoThirds => CeilingOf(2 * Counted, 3),
        Majority.ThreeQuarters => CeilingOf(3 * Counted, 4),
        Majority.AbsoluteOfMembers => votingMembers / 2 + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(majority), majority, null),
    });

    public bool Passes(Majority majority, int votingMembers) => Yes >= YesNeeded(majority, votingMembers);

    static int CeilingOf(int numerator, int denominator) => (numerator + denominator - 1) / denominator;
}
