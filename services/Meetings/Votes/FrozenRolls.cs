using System.Collections.Concurrent;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// The frozen rolls of open votes, read once: a roll never changes after its vote opened, and with 1,000 voting members
/// it is some 80 KB of JSON that every ballot would otherwise load and parse (a large-object allocation each; the votes
/// benchmark's profile, bench/findings/votes.md). The instance that opens a vote keeps its roll from the start; another
/// instance reads it once, however many delegates cast at that moment, in a scope of its own so that no caller's
/// request owns the read. A vote's roll is forgotten when it closes.
/// </summary>
public sealed class FrozenRolls(IServiceScopeFactory scopes)
{
    readonly ConcurrentDictionary<Guid, FrozenRoll> _rolls = new();
    readonly ConcurrentDictionary<Guid, Task<FrozenRoll?>> _reading = new();

    /// <summary>The vote's roll; null when there is no such vote. Only an open vote's roll is kept.</summary>
    public async Task<FrozenRoll?> OfAsync(Guid voteId, CancellationToken ct)
    {
        if (_rolls.TryGetValue(voteId, out var roll))
            return roll;
        var reading = _reading.GetOrAdd(voteId, ReadAsync);
        try
        {
            return await reading.WaitAsync(ct);
        }
        finally
        {
            if (reading.IsCompleted)
                _reading.TryRemove(KeyValuePair.Create(voteId, reading));
        }
    }

    /// <summary>Keeps the roll of a vote this instance has just opened.</summary>
    public void Remember(Vote vote) => _rolls[vote.Id] = new FrozenRoll(vote.Roll, vote.Casters);

    public void Forget(Guid voteId) => _rolls.TryRemove(voteId, out _);

    async Task<FrozenRoll?> ReadAsync(Guid voteId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        var read = await db.Votes.AsNoTracking().Where(v => v.Id == voteId)
            .Select(v => new { v.Roll, v.Casters, v.ClosedAt }).FirstOrDefaultAsync();
        if (read is null)
            return null;
        var frozen = new FrozenRoll(read.Roll, read.Casters);
        return read.ClosedAt is null ? _rolls.GetOrAdd(voteId, frozen) : frozen;
    }
}

/// <summary>
/// Each member on a vote's roll with the present member whose delegate casts its vote, and each checked-in delegate with
/// the member it is present for: both as they were when the vote opened. Whom each present member's delegate votes
/// for is worked out once, so a ballot's check is two lookups rather than a walk through the roll.
/// </summary>
public sealed class FrozenRoll
{
    readonly IReadOnlyDictionary<string, Guid> _casters;
    readonly Dictionary<Guid, Guid[]> _votedThrough;

    public FrozenRoll(IReadOnlyDictionary<Guid, Guid> castBy, IReadOnlyDictionary<string, Guid> casters)
    {
        _casters = casters;
        _votedThrough = castBy.GroupBy(entry => entry.Value, entry => entry.Key).ToDictionary(group => group.Key, group => group.ToArray());
    }

    public IReadOnlyList<Guid> MembersVotedBy(string? person) =>
        person is not null && _casters.TryGetValue(person, out var present) && _votedThrough.TryGetValue(present, out var members)
            ? members
            : [];
}
