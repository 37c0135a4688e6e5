using Kommune20.Contracts.Federation;
using Kommune20.Library.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Portraits;

/// <summary>
/// Applies Federation's profile events to the library's portraits: a newer version replaces the one held, a repeated or
/// older one is ignored, a withdrawal leaves a tombstone; and finds the portrait a member's page shows.
/// </summary>
public sealed class CityPortraits(LibraryDb db, ILogger<CityPortraits> logger)
{
    public async Task ApplyAsync(RecordOrigin origin, CityProfileRecord profile, CancellationToken ct)
    {
        var portrait = await FindAsync(origin, ct) ?? db.CityPortraits.Add(CityPortrait.From(origin)).Entity;
        if (!portrait.Apply(origin, profile))
            logger.LogInformation("Ignoring version {Version} of the profile {Origin}/{OriginId}: the library holds version {Held}",
                origin.Version, origin.OriginMemberId, origin.OriginId, portrait.Version);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        // A withdrawal that overtook the profile leaves a tombstone, so the older profile is ignored when it arrives.
        var portrait = await FindAsync(origin, ct) ?? db.CityPortraits.Add(CityPortrait.From(origin)).Entity;
        if (!portrait.Withdraw(origin))
            logger.LogInformation("Ignoring withdrawal {Version} of the profile {Origin}/{OriginId}: version {Held} is newer",
                origin.Version, origin.OriginMemberId, origin.OriginId, portrait.Version);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The member's public portrait, or null; a node keeps one profile, and of several the newest version counts.</summary>
    public Task<CityPortrait?> ShownOfAsync(Guid memberId, CancellationToken ct) =>
        db.CityPortraits.AsNoTracking().Where(p => p.OriginMemberId == memberId && p.IsShown)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    Task<CityPortrait?> FindAsync(RecordOrigin origin, CancellationToken ct) =>
        db.CityPortraits.FirstOrDefaultAsync(p => p.OriginMemberId == origin.OriginMemberId && p.OriginId == origin.OriginId, ct);
}
