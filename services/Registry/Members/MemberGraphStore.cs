using Kommune20.Registry.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Members;

public static class MemberGraphStore
{
    /// <summary>Loads every membership edge; the graph is small (one edge per member and network) and read whole.</summary>
    public static async Task<MemberGraph> LoadGraphAsync(this RegistryDb db, CancellationToken cancellationToken) =>
        new(await db.NetworkMemberships.AsNoTracking().ToListAsync(cancellationToken));
}
