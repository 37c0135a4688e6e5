namespace Kommune20.Federation.Replicas;

/// <summary>What became of an origin's editor withdrawing a record at the hub (see Replication.StageOriginWithdrawalAsync).</summary>
public enum OriginWithdrawal
{
    Withdrawn,

    /// <summary>No live record with this id.</summary>
    NotFound,

    /// <summary>The origin's own node delivered it: withdrawn there, it leaves the hub with the node's next push.</summary>
    OwnNodeRecord,
}
