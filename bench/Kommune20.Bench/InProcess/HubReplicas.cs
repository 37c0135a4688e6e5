extern alias FederationService;
using FederationService::Kommune20.Federation.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Bench.InProcess;

/// <summary>
/// What the hub holds of some origins, read from the Federation service's own database (SQLite, read-only beside the
/// running service): its live replicas of each origin by the member that delivered them (<c>Replica.ReceivedFrom</c>,
/// which no API shows).
/// </summary>
public static class HubReplicas
{
    /// <summary>The live replicas of <paramref name="origins"/>: how many there are, and how many of them <paramref name="deliverer"/> delivered
    /// (null: each origin itself).</summary>
    public static async Task<(int Live, int FromDeliverer)> CountAsync(string hubDataDirectory, IReadOnlyCollection<Guid> origins, Guid? deliverer,
        CancellationToken cancellationToken)
    {
        var file = Path.Combine(hubDataDirectory, "federation", "federation.db");
        var options = new DbContextOptionsBuilder<FederationDb>().UseSqlite($"Data Source={file};Mode=ReadOnly;Pooling=False").Options;
        await using var db = new FederationDb(options);
        var wanted = origins.ToHashSet();
        var groups = (await db.Replicas.AsNoTracking().Where(r => r.Body != null)
                .GroupBy(r => new { r.OriginMemberId, r.ReceivedFrom })
                .Select(g => new { g.Key.OriginMemberId, g.Key.ReceivedFrom, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Where(g => wanted.Contains(g.OriginMemberId))
            .ToList();
        return (groups.Sum(g => g.Count), groups.Where(g => g.ReceivedFrom == (deliverer ?? g.OriginMemberId)).Sum(g => g.Count));
    }
}
