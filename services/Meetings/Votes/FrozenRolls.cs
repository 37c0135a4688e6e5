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
    readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<Guid, Guid>> _rolls = new();

    /// <summary>Each member on the vote's roll and the present member whose delegate casts its vote.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> OfAsync(MeetingsDb db, Guid voteId, CancellationToken ct)
    {
        if (_rolls.TryGetValue(voteId, out var roll))
            return roll;
        var read = await db.Votes.AsNoTracking().Where(v => v.Id == voteId).Select(v => v.Roll).FirstAsync(ct);
        return _rolls.GetOrAdd(voteId, read);
    }

    public void Forget(Guid voteId) => _rolls.TryRemove(voteId, out _);
}
