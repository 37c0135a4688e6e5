using Kommune20.Contracts.Federation;
using Kommune20.Federation.Data;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// One unit of work of the replica writer: its <see cref="FederationDb"/> and the replicas staged in it so far, so that
/// a later batch of the same origin finds what an earlier one loaded or added. Reading <c>DbSet.Local</c> instead would
/// run EF Core's change detection over everything staged, once per batch.
/// </summary>
public sealed class ReplicaUnit(FederationDb db)
{
    readonly Dictionary<(Guid Origin, RecordKind Kind, string OriginId), Replica> _staged = [];

    public FederationDb Db => db;

    public Replica? Find(Guid origin, RecordKind kind, string originId) => _staged.GetValueOrDefault((origin, kind, originId));

    /// <summary>Remembers a replica read from the database; one staged earlier in this unit stays.</summary>
    public void Loaded(Replica replica) => _staged.TryAdd((replica.OriginMemberId, replica.Kind, replica.OriginId), replica);

    public void Add(Replica replica)
    {
        db.Replicas.Add(replica);
        _staged[(replica.OriginMemberId, replica.Kind, replica.OriginId)] = replica;
    }
}
