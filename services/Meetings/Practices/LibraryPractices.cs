using Kommune20.Contracts.Federation;
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
    public async Task ApplyAsync(RecordOrigin origin, PracticeRecord record, CancellationToken ct)
    {
        var practice = await FindAsync(origin, ct) ?? db.LibraryPractices.Add(LibraryPractice.From(origin)).Entity;
        if (!practice.Apply(origin, record))
            logger.LogInformation("Ignoring version {Version} of practice {Origin}/{OriginId}: Meetings holds version {Held}",
                origin.Version, origin.OriginMemberId, origin.OriginId, practice.Version);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        // A withdrawal that overtook the record leaves a tombstone, so the older record is ignored when it arrives.
        var practice = await FindAsync(origin, ct) ?? db.LibraryPractices.Add(LibraryPractice.From(origin)).Entity;
        if (!practice.Withdraw(origin))
            logger.LogInformation("Ignoring withdrawal {Version} of practice {Origin}/{OriginId}: version {Held} is newer",
                origin.Version, origin.OriginMemberId, origin.OriginId, practice.Version);
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

    Task<LibraryPractice?> FindAsync(RecordOrigin origin, CancellationToken ct) =>
        db.LibraryPractices.FirstOrDefaultAsync(p => p.OriginMemberId == origin.OriginMemberId && p.OriginId == origin.OriginId, ct);
}
