using Kommune20.Library.Data;
using Kommune20.Library.Members;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Search;

/// <summary>
/// Keeps this instance's index in step with the database: indexes every practice whose revision is ahead of what the
/// index holds (listed ones are put, withdrawn ones removed), commits, then records what it indexed under the index's id
/// (<see cref="IndexedRevision"/>). Woken by <see cref="PracticeIndexSignal"/>, which only the instance that took a
/// message hears; polls too, which is how the other instances learn of it, and asks the Registry again about members it
/// could not look up. The records of an index not seen for <see cref="ForgottenAfter"/> (an instance replaced, its
/// index gone with it) are removed.
/// </summary>
public sealed class PracticeIndexer(
    IServiceProvider services, PracticeIndex index, PracticeIndexSignal signal, TimeProvider clock, ILogger<PracticeIndexer> logger)
    : BackgroundService
{
    const int BatchSize = 1000;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRetry = DateTimeOffset.MinValue;
        var lastSeen = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() - lastSeen >= SeenEvery)
                {
                    lastSeen = clock.GetUtcNow();
                    await MarkSeenAsync(stoppingToken);
                }
                if (clock.GetUtcNow() - lastRetry >= MemberCards.RetryAfter)
                {
                    lastRetry = clock.GetUtcNow();
                    await RetryMissingCardsAsync(stoppingToken);
                }
                // A full batch: there may be more, after its last practice. One changed meanwhile before it is left to
                // the next sweep, which its signal starts at once.
                Guid? after = null;
                while (await IndexBatchAsync(after, stoppingToken) is { Count: BatchSize } batch)
                    after = batch[^1];
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Indexing failed; trying again");
            }
            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Notes that this index is alive and removes what indexes gone for good had recorded.</summary>
    async Task MarkSeenAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        var now = clock.GetUtcNow();
        var seen = await db.SearchIndexes.FindAsync([index.Id], cancellationToken);
        if (seen is null)
            db.SearchIndexes.Add(new SearchIndexSeen { IndexId = index.Id, SeenAt = now });
        else
            seen.SeenAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var cutoff = now - ForgottenAfter;
        var gone = await db.SearchIndexes.Where(s => s.SeenAt < cutoff).Select(s => s.IndexId).ToListAsync(cancellationToken);
        if (gone.Count == 0)
            return;
        await db.IndexedRevisions.Where(i => gone.Contains(i.IndexId)).ExecuteDeleteAsync(cancellationToken);
        await db.SearchIndexes.Where(s => gone.Contains(s.IndexId)).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Removed what {Count} search indexes not seen since {Since} had recorded", gone.Count, cutoff);
    }

    async Task RetryMissingCardsAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<MemberCards>().RetryMissingAsync(cancellationToken);
        if (found > 0)
            logger.LogInformation("The Registry now knows {Count} more members; re-indexing their practices", found);
    }

    /// <summary>Indexes one batch of the practices pending after <paramref name="after"/>; returns their ids in order.</summary>
    async Task<List<Guid>> IndexBatchAsync(Guid? after, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        var pending = await db.PracticesPendingFor(index.Id, after).AsNoTracking().Take(BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
            return [];

        var listed = pending.Where(p => p.IsListed).ToList();
        var cards = await scope.ServiceProvider.GetRequiredService<MemberCards>().ForAsync(
            listed.Select(p => p.OriginMemberId).Concat(listed.Select(p => p.RelayedBy).OfType<Guid>()), cancellationToken);
        var ids = listed.ConvertAll(p => p.Id);
        var verified = await db.Adoptions.Where(a => ids.Contains(a.PracticeId) && a.ConfirmedAt != null)
            .GroupBy(a => a.PracticeId).Select(g => new { PracticeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PracticeId, g => g.Count, cancellationToken);

        var year = clock.GetUtcNow().Year;
        foreach (var practice in pending)
        {
            if (practice.IsListed)
                index.Put(practice.Id, PracticeDocuments.Build(practice, cards.GetValueOrDefault(practice.OriginMemberId),
                    verified.GetValueOrDefault(practice.Id), year, practice.RelayedBy is { } relay ? cards.GetValueOrDefault(relay) : null));
            else
                index.Remove(practice.Id);
        }
        index.Commit();

        // Only the revision that was indexed counts: a change that came in meanwhile keeps the practice pending.
        var pendingIds = pending.ConvertAll(p => p.Id);
        var held = await db.IndexedRevisions.Where(i => i.IndexId == index.Id && pendingIds.Contains(i.PracticeId))
            .ToDictionaryAsync(i => i.PracticeId, cancellationToken);
        foreach (var practice in pending)
        {
            if (held.TryGetValue(practice.Id, out var indexed))
                indexed.Revision = practice.Revision;
            else
                db.IndexedRevisions.Add(new IndexedRevision { IndexId = index.Id, PracticeId = practice.Id, Revision = practice.Revision });
        }
        await db.SaveChangesAsync(cancellationToken);
        return pendingIds;
    }
}
