using System.Collections.Concurrent;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// The frozen rolls of open votes, read once: a roll never changes after its vote opened, and with 1,000 voting members
/// it is some 80 KB of JSON that every ballot would otherwise load and parse (a large-object allocation each; the votes
/// benchmark's profile, bench/findings/votes.md). A vote's roll is forgotten when it closes.
/// </summary>
public sealed class FrozenRolls
{
    readonly ConcurrentDictionary<Guid, FrozenRoll> _rolls = new();

    /// <summary>The vote's roll; null when there is no such vote. Only an open vote's roll is kept.</summary>
    public async Task<FrozenRoll?> OfAsync(MeetingsDb db, Guid voteId, CancellationToken ct)
    {
        if (_rolls.TryGetValue(voteId, out var roll))
            return roll;
        var read = await db.Votes.AsNoTracking().Where(v => v.Id == voteId)
            .Select(v => new { v.Roll, v.Casters, v.ClosedAt }).FirstOrDefaultAsync(ct);
        if (read is null)
            return null;
        var frozen = new FrozenRoll(read.Roll, read.Casters);
        return read.ClosedAt is null ? _rolls.GetOrAdd(voteId, frozen) : frozen;
    }

    public void Forget(Guid voteId) => _rolls.TryRemove(voteId, out _);
}

/// <summary>
/// Each member on a vote's roll with the present member whose delegate casts its vote, and each checked-in delegate with
/// the member it is present for: both as they were when the vote opened.
/// </summary>
public sealed record FrozenRoll(IReadOnlyDictionary<Guid, Guid> CastBy, IReadOnlyDictionary<string, Guid> Casters)
{
    public IEnumerable<Guid> MembersVotedBy(string? person) => MembersVotedBy(CastBy, Casters, person);

    public static IEnumerable<Guid> MembersVotedBy(IReadOnlyDictionary<Guid, Guid> castBy, IReadOnlyDictionary<string, Guid> casters, string? person) =>
        person is not null && casters.TryGetValue(person, out var present)
            ? castBy.Where(entry => entry.Value == present).Select(entry => entry.Key)
            : [];
}
