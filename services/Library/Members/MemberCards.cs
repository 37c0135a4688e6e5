using Kommune20.Library.Data;
using Kommune20.Library.Search;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Members;

/// <summary>
/// The library's copy of what the Registry says about the members it shows. A card is fetched the first time a member
/// appears (as a practice's origin or an adopter), refreshed when the Registry announces a change, and asked for again
/// after <see cref="RetryAfter"/> while the Registry could not answer.
/// </summary>
public sealed class MemberCards(LibraryDb db, MemberDirectory directory, PracticeIndexSignal indexSignal, TimeProvider clock)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>The stored cards of these members, without asking the Registry (for reads).</summary>
    public Task<Dictionary<Guid, MemberCard>> KnownAsync(IEnumerable<Guid> memberIds, CancellationToken cancellationToken)
    {
        var wanted = memberIds.Distinct().ToList();
        return db.MemberCards.AsNoTracking().Where(c => wanted.Contains(c.MemberId)).ToDictionaryAsync(c => c.MemberId, cancellationToken);
    }

    /// <summary>Cards for these members, asking the Registry about those the library has not met yet.</summary>
    public async Task<Dictionary<Guid, MemberCard>> ForAsync(IEnumerable<Guid> memberIds, CancellationToken cancellationToken)
    {
        var cards = await KnownAsync(memberIds, cancellationToken);
        var added = new List<MemberCard>();
        foreach (var id in memberIds.Distinct().Where(id => !cards.ContainsKey(id)))
        {
            var card = await directory.LookUpAsync(id, cancellationToken);
            added.Add(card);
            cards[id] = card;
        }
        // A new card needs no re-indexing: the indexer asks for the cards before it indexes their practices.
        await StoreAsync(added, reindex: [], cancellationToken);
        return cards;
    }

    /// <summary>Asks the Registry again about these members (it announced a change) and re-indexes their practices.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var stored = await db.MemberCards.AsNoTracking().Where(c => memberIds.Contains(c.MemberId)).ToListAsync(cancellationToken);
        var fresh = new List<MemberCard>();
        foreach (var known in stored)
        {
            var card = await directory.LookUpAsync(known.MemberId, cancellationToken);
            if (!card.Found)
            {
                // Keep showing what the library knew, and ask again later.
                known.Found = false;
                known.FetchedAt = card.FetchedAt;
                card = known;
            }
            fresh.Add(card);
        }
        await StoreAsync(fresh, reindex: stored.ConvertAll(card => card.MemberId), cancellationToken);
    }

    /// <summary>Asks again about members the Registry could not tell about before; returns how many it knows now.</summary>
    public async Task<int> RetryMissingAsync(CancellationToken cancellationToken)
    {
        var due = clock.GetUtcNow() - RetryAfter;
        // The missing cards are few; the filter on the time runs here because SQLite cannot compare DateTimeOffset.
        var missing = (await db.MemberCards.AsNoTracking().Where(c => !c.Found).ToListAsync(cancellationToken))
            .Where(c => c.FetchedAt <= due).Select(c => c.MemberId).ToList();
        var fresh = new List<MemberCard>();
        foreach (var id in missing)
            fresh.Add(await directory.LookUpAsync(id, cancellationToken));
        var found = fresh.Where(card => card.Found).Select(card => card.MemberId).ToList();
        await StoreAsync(fresh, reindex: found, cancellationToken);
        return found.Count;
    }

    /// <summary>Members whose cards list this network: a change of the network's own membership changes theirs too.</summary>
    public Task<List<Guid>> InNetworkAsync(Guid networkId, CancellationToken cancellationToken) =>
        db.MemberCards.AsNoTracking().Where(c => c.NetworkIds.Contains(networkId)).Select(c => c.MemberId).ToListAsync(cancellationToken);

    async Task StoreAsync(List<MemberCard> cards, List<Guid> reindex, CancellationToken cancellationToken)
    {
        if (cards.Count == 0)
            return;
        var ids = cards.Select(c => c.MemberId).ToList();
        var existing = await db.MemberCards.Where(c => ids.Contains(c.MemberId)).ToDictionaryAsync(c => c.MemberId, cancellationToken);
        foreach (var card in cards)
        {
            if (existing.TryGetValue(card.MemberId, out var stored))
                db.Entry(stored).CurrentValues.SetValues(card);
            else
                db.MemberCards.Add(card);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored a card for the same member at the same moment; its answer is as good as ours.
            db.ChangeTracker.Clear();
            return;
        }

        if (reindex.Count == 0)
            return;
        // What the index shows about these members' practices changed.
        await db.Practices.Where(p => reindex.Contains(p.OriginMemberId))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Revision, p => p.Revision + 1), cancellationToken);
        indexSignal.Notify();
    }
}
