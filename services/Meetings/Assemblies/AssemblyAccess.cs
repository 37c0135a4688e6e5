using System.Security.Claims;
using Kommune20.Meetings.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Assemblies;

/// <summary>Who sees an assembly: the office always, everyone else once the invitation went out.</summary>
public static class AssemblyAccess
{
    public static Task<GeneralAssembly?> FindVisibleAsync(this MeetingsDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var office = user.IsInRole(Roles.Office);
        return db.Assemblies.AsNoTracking().Include(a => a.Agenda)
            .FirstOrDefaultAsync(a => a.Id == id && (office || a.InvitedAt != null), ct);
    }
}
