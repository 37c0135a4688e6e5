using Kommune20.Contracts.Federation;
using Kommune20.Data.Replicas;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Practices;

/// <summary>
/// The practices statements and takeaways may link to: applies Federation's practice events to Meetings' replicas
/// (newer versions replace older ones, withdrawals leave tombstones) and turns the ids a moderator or panelist gives into
/// links, with the errors <see cref="ExchangeRules.LinkPractices"/> finds.
/// </summary>
public sealed class LibraryPractices(MeetingsDb db, ILogger<LibraryPractices> logger)
{
    /// <summary>Applies published or updated versions in one transaction (a batch of the federation's events).</summary>
    public async Task ApplyManyAsync(IReadOnlyList<(RecordOrigin Origin, PracticeRecord Record)> versions, CancellationToken ct)
    {
        var batch = await ReplicaBatch<LibraryPractice>.ReadAsync(db.LibraryPractices, versions.Select(version => version.Origin), ct);
        foreach (var (origin, record) in versions)
            batch.FindOrAdd(origin, LibraryPractice.From).ApplyOrIgnore(origin, record, "practice", logger);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        var practice = await db.LibraryPractices.FindOrAddAsync(origin, LibraryPractice.From, ct);
        practice.WithdrawOrIgnore(origin, "practice", logger);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The links for <paramref name="ids"/>, or null when they are not to change; problems go to <paramref name="errors"/>.</summary>
    public async Task<List<LinkedPractice>?> LinksAsync(IReadOnlyList<Guid>? ids, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (ids is null)
            return null;
        var wanted = ids.Take(ExchangeRules.MaxPracticeLinks + 1).ToList();
        var known = await db.LibraryPractices.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return ExchangeRules.LinkPractices(ids, known, errors);
    }
}
