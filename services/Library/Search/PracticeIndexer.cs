using Kommune20.Library.Data;
using Kommune20.Library.Members;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Search;

/// <summary>
/// Keeps the index in step with the database: indexes every practice whose revision is ahead of its indexed revision
/// (listed ones are put, withdrawn ones removed), commits, then records what it indexed. Woken by
/// <see cref="PracticeIndexSignal"/>; polls too, and asks the Registry again about members it could not look up.
/// </summary>
public sealed class PracticeIndexer(
    IServiceProvider services, PracticeIndex index, PracticeIndexSignal signal, TimeProvider clock, ILogger<PracticeIndexer> logger)
    : BackgroundService
{
    const int BatchSize = 1000;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (index.IsNew)
            await ReindexEverythingAsync(stoppingToken);

        var lastRetry = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() - lastRetry >= MemberCards.RetryAfter)
                {
                    lastRetry = clock.GetUtcNow();
                    await RetryMissingCardsAsync(stoppingToken);
                }
                while (await IndexBatchAsync(stoppingToken) == BatchSize)
                {
                    // A full batch: there may be more.
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Indexing failed; trying again");
            }
            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    async Task ReindexEverythingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        var marked = await db.Practices.ExecuteUpdateAsync(set => set.SetProperty(p => p.IndexedRevision, 0L), cancellationToken);
        logger.LogInformation("The practice index is new; indexing all {Count} practices", marked);
    }

    async Task RetryMissingCardsAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<MemberCards>().RetryMissingAsync(cancellationToken);
        if (found > 0)
            logger.LogInformation("The Registry now knows {Count} more members; re-indexing their practices", found);
    }

    /// <summary>Indexes one batch of pending practices; returns how many it indexed.</summary>
    async Task<int> IndexBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        var pending = await db.Practices.Where(p => p.Revision != p.IndexedRevision).OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
            return 0;

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
        foreach (var practice in pending)
            practice.IndexedRevision = practice.Revision;
        await SaveIndexedAsync(db, pending, cancellationToken);
        return pending.Count;
    }

    static async Task SaveIndexedAsync(LibraryDb db, List<Practices.Practice> pending, CancellationToken cancellationToken)
    {
        foreach (var practice in pending)
        {
            var entry = db.Entry(practice);
            foreach (var property in entry.Properties)
                property.IsModified = property.Metadata.Name == nameof(Practices.Practice.IndexedRevision);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A practice of the batch changed while it was indexed: the batch stays pending and is indexed again.
        }
    }
}
