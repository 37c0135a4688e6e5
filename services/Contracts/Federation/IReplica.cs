namespace Kommune20.Contracts.Federation;

/// <summary>
/// What a replica is looked up by: its origin. Not generic, so a store can find the replica of an origin in any set of
/// replicas without knowing the record they keep.
/// </summary>
public interface IReplica
{
    Guid OriginMemberId { get; }
    string OriginId { get; }
}
