using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Votes;

/// <summary>A vote as the API shows it; the counts and the outcome stay null while it is open.</summary>
public sealed record VoteDto(Guid Id, Guid MotionId, string MotionTitle, bool Secret, Majority Majority, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, int VotingMembers, int QuorumRequired, int Present, int Represented, int? Yes, int? No, int? Abstain,
    int? YesNeeded, bool? Passed)
{
    public static VoteDto From(Vote vote, string motionTitle) => new(vote.Id, vote.MotionId, motionTitle, vote.Secret, vote.Majority,
        vote.OpenedAt, vote.ClosedAt, vote.VotingMembers, vote.QuorumRequired, vote.Present, vote.Represented, vote.Yes, vote.No,
        vote.Abstain, vote.YesNeeded, vote.Passed);
}
