using System.Security.Claims;
using Kommune20.Contracts.Federation;
using Kommune20.Library.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Practices;

/// <summary>Who sees which practice: public ones everybody, network-only ones signed-in members; withdrawn ones nobody.</summary>
public static class PracticeAccess
{
    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool MaySee(this ClaimsPrincipal user, Practice practice) =>
        practice is { IsListed: true, Record: { } record } && (record.Visibility == Visibility.Public || user.IsSignedIn());

    public static async Task<Practice?> FindVisibleAsync(this LibraryDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var practice = await db.Practices.FirstOrDefaultAsync(p => p.Id == id, ct);
        return practice is not null && user.MaySee(practice) ? practice : null;
    }
}
