using Kommune20.Contracts.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kommune20.Data.Replicas;

/// <summary>
/// The steps every service that keeps replicas takes for a version or a withdrawal from the federation: find the replica
/// of the origin (or add one), apply or withdraw, and log what is ignored in one shape. What a service does around them
/// (names, quarantine, announcements) stays in the service.
/// </summary>
public static class ReplicaVersions
{
    /// <summary>The replica of the origin, or null; one this context added and has not saved yet counts (a bulk load may carry several versions).</summary>
    public static async Task<TReplica?> OfOriginAsync<TReplica>(this DbSet<TReplica> replicas, RecordOrigin origin, CancellationToken ct)
        where TReplica : class, IReplica =>
        replicas.Local.FirstOrDefault(r => r.OriginMemberId == origin.OriginMemberId && r.OriginId == origin.OriginId)
        ?? await replicas.FirstOrDefaultAsync(r => r.OriginMemberId == origin.OriginMemberId && r.OriginId == origin.OriginId, ct);

    /// <summary>
    /// The replica of the origin, or a new one <paramref name="create"/> makes and the set adds: a withdrawal that overtook
    /// its record leaves a tombstone, so the older record is ignored when it arrives.
    /// </summary>
    public static async Task<TReplica> FindOrAddAsync<TReplica>(this DbSet<TReplica> replicas, RecordOrigin origin,
        Func<RecordOrigin, TReplica> create, CancellationToken ct) where TReplica : class, IReplica =>
        await replicas.OfOriginAsync(origin, ct) ?? replicas.Add(create(origin)).Entity;

    /// <summary>Applies the version; false (and a log line naming the <paramref name="kind"/>) when it is not newer than the one held.</summary>
    public static bool ApplyOrIgnore<TRecord>(this Replica<TRecord> replica, RecordOrigin origin, TRecord record, string kind, ILogger logger)
        where TRecord : class
    {
        if (replica.Apply(origin, record))
            return true;
        logger.LogInformation("Ignoring version {Version} of {Kind} {Origin}/{OriginId}: version {Held} is held",
            origin.Version, kind, origin.OriginMemberId, origin.OriginId, replica.Version);
        return false;
    }

    /// <summary>Withdraws the record; false (and a log line naming the <paramref name="kind"/>) when a newer version is held.</summary>
    public static bool WithdrawOrIgnore<TRecord>(this Replica<TRecord> replica, RecordOrigin origin, string kind, ILogger logger)
        where TRecord : class
    {
        if (replica.Withdraw(origin))
            return true;
        logger.LogInformation("Ignoring withdrawal {Version} of {Kind} {Origin}/{OriginId}: version {Held} is newer",
            origin.Version, kind, origin.OriginMemberId, origin.OriginId, replica.Version);
        return false;
    }
}
