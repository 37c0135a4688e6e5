using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

public static class VoteQueries
{
    /// <summary>
    /// A vote without its frozen roll (left empty), for reads and ballots that need the rest: the roll is the large part
    /// of the row. Who votes through whom comes from <see cref="FrozenRolls"/>.
    /// </summary>
    public static Task<Vote?> FindWithoutRollAsync(this IQueryable<Vote> votes, Guid voteId, CancellationToken ct) =>
        votes.AsNoTracking().Where(v => v.Id == voteId).Select(v => new Vote
        {
            Id = v.Id,
            AssemblyId = v.AssemblyId,
            MotionId = v.MotionId,
            Secret = v.Secret,
            Majority = v.Majority,
            OpenedAt = v.OpenedAt,
            ClosedAt = v.ClosedAt,
            VotingMembers = v.VotingMembers,
            QuorumRequired = v.QuorumRequired,
            Present = v.Present,
            Represented = v.Represented,
            Yes = v.Yes,
            No = v.No,
            Abstain = v.Abstain,
            YesNeeded = v.YesNeeded,
            Passed = v.Passed,
        }).FirstOrDefaultAsync(ct);
}
