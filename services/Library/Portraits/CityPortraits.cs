using Kommune20.Contracts.Federation;
using Kommune20.Data.Replicas;
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
        var portrait = await db.CityPortraits.FindOrAddAsync(origin, CityPortrait.From, ct);
        portrait.ApplyOrIgnore(origin, profile, "profile", logger);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        var portrait = await db.CityPortraits.FindOrAddAsync(origin, CityPortrait.From, ct);
        portrait.WithdrawOrIgnore(origin, "profile", logger);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The member's public portrait, or null; a node keeps one profile, and of several the newest version counts.</summary>
    public Task<CityPortrait?> ShownOfAsync(Guid memberId, CancellationToken ct) =>
        db.CityPortraits.AsNoTracking().Where(p => p.OriginMemberId == memberId && p.IsShown)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
}
