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
            .Select(v => new { v.AssemblyId, v.Roll, v.ClosedAt }).FirstOrDefaultAsync(ct);
        if (read is null)
            return null;
        var frozen = new FrozenRoll(read.AssemblyId, read.Roll);
        return read.ClosedAt is null ? _rolls.GetOrAdd(voteId, frozen) : frozen;
    }

    public void Forget(Guid voteId) => _rolls.TryRemove(voteId, out _);
}

/// <summary>A vote's assembly, and each member on its roll with the present member whose delegate casts its vote.</summary>
public sealed record FrozenRoll(Guid AssemblyId, IReadOnlyDictionary<Guid, Guid> CastBy);
