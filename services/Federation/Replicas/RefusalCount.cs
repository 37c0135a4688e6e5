namespace Kommune20.Federation.Replicas;

/// <summary>
/// How many changes the hub refused from one caller for one origin, by reason, instead of keeping each of them: a
/// caller without consent for the origin (<see cref="NoConsent"/>) or relaying for a member with a node of its own
/// (<see cref="OwnNode"/>) is refused whole and only counted, and a change the
/// bounded quarantine dropped to make room (<see cref="QuarantineOverflow"/>) is counted here too.
/// </summary>
public sealed class RefusalCount
{
    public const string NoConsent = "no-consent";
    public const string QuarantineOverflow = "quarantine-overflow";

    /// <summary>A relay's change for a member whose own node has taken over (see Replication.HasOwnNodeAsync).</summary>
    public const string OwnNode = "own-node";

    public Guid SourceMemberId { get; set; }

    /// <summary>The origin the caller named; <see cref="Guid.Empty"/> once the caller has named too many (see Replication.MaxRefusedOriginsPerCaller).</summary>
    public Guid OriginMemberId { get; set; }
    public required string Reason { get; set; }
    public long Count { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
}
