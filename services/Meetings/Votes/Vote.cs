using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// A vote on a motion. Opening it freezes the voter roll (who votes, through whom) and the quorum; closing it counts the
/// ballots once, and the result never changes afterwards.
/// </summary>
public sealed class Vote
{
    public Guid Id { get; init; }
    public Guid AssemblyId { get; init; }
    public Guid MotionId { get; init; }
    public bool Secret { get; init; }
    public Majority Majority { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }

    public int VotingMembers { get; init; }
    public int QuorumRequired { get; init; }
    public int Present { get; init; }
    public int Represented { get; init; }
    /// <summary>The frozen roll: each member whose vote counts, and the present member whose delegate casts it.</summary>
    public Dictionary<Guid, Guid> Roll { get; init; } = [];
    /// <summary>Frozen with the roll: each checked-in delegate (by subject) and the present member it votes for.</summary>
    public Dictionary<string, Guid> Casters { get; init; } = [];

    /// <summary>The members on the roll whose votes <paramref name="person"/> casts, as the roll froze when the vote opened.</summary>
    public IReadOnlyList<Guid> MembersVotedBy(string? person) => new FrozenRoll(Roll, Casters).MembersVotedBy(person);

    public int? Yes { get; set; }
    public int? No { get; set; }
    public int? Abstain { get; set; }
    public int? YesNeeded { get; set; }
    public bool? Passed { get; set; }

    public bool IsOpen => ClosedAt is null;

    public Tally? Result => Yes is { } yes ? new Tally(yes, No ?? 0, Abstain ?? 0) : null;
}
