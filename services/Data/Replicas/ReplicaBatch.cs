using Kommune20.Contracts.Federation;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Replicas;

/// <summary>
/// The replicas a bulk load touches, read in one query: finding each origin's replica one at a time costs a query per
/// item and a scan of everything the context added so far, which made loading a large library quadratic.
/// </summary>
public sealed class ReplicaBatch<TReplica> where TReplica : class, IReplica
{
    readonly DbSet<TReplica> _replicas;
    readonly Dictionary<(Guid Member, string Id), TReplica> _held;

    ReplicaBatch(DbSet<TReplica> replicas, Dictionary<(Guid, string), TReplica> held) => (_replicas, _held) = (replicas, held);

    /// <summary>Reads the replicas of <paramref name="origins"/> the set holds (tracked, so changes to them are saved).</summary>
    public static async Task<ReplicaBatch<TReplica>> ReadAsync(DbSet<TReplica> replicas, IEnumerable<RecordOrigin> origins, CancellationToken ct)
    {
        var list = origins.ToList();
        var members = list.Select(o => o.OriginMemberId).Distinct().ToList();
        var ids = list.Select(o => o.OriginId).Distinct().ToList();
        var held = await replicas.Where(r => members.Contains(r.OriginMemberId) && ids.Contains(r.OriginId)).ToListAsync(ct);
        return new ReplicaBatch<TReplica>(replicas, held.ToDictionary(r => (r.OriginMemberId, r.OriginId)));
    }

    /// <summary>The replica of the origin, or a new one <paramref name="create"/> makes and the set adds; a later item of the same origin finds it.</summary>
    public TReplica FindOrAdd(RecordOrigin origin, Func<RecordOrigin, TReplica> create)
    {
        var key = (origin.OriginMemberId, origin.OriginId);
        if (!_held.TryGetValue(key, out var replica))
            _held[key] = replica = _replicas.Add(create(origin)).Entity;
        return replica;
    }
}
