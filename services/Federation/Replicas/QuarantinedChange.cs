using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// A change the hub refused, kept with the reason and the payload as received, until a newer version of the same record
/// is applied (or a re-sync supersedes it). Reported to the node in the ack and shown in the federation state.
/// </summary>
public sealed class QuarantinedChange
{
    public long Id { get; set; }
    public Guid SourceMemberId { get; set; }
    public Guid OriginMemberId { get; set; }
    public RecordKind? Kind { get; set; }
    public required string OriginId { get; set; }
    public long Version { get; set; }

    /// <summary>"invalid-argument" or "permission-denied", as the gRPC status the record alone would have earned.</summary>
    public required string Code { get; set; }
    public string? Field { get; set; }
    public required string Reason { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
