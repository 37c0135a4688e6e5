using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Api;

/// <summary>
/// A practice as the hub holds it: the city's record with its provenance; <paramref name="RelayedBy"/> is the network whose
/// node published it for the city, null when the city's own node did.
/// </summary>
public sealed record PracticeReplicaDto(Guid OriginMemberId, string OriginId, long Version, DateTimeOffset ChangedAt, Visibility Visibility,
    PracticeRecord Practice, Guid? RelayedBy);

/// <summary>Who publishes a member's records at the hub: its own node (once it has delivered) and the networks whose nodes delivered its live records.</summary>
public sealed record PublishersDto(Guid OriginMemberId, bool OwnNode, IReadOnlyList<Guid> Networks);

/// <summary>
/// Federation state of one city at the hub: per delivering source (its node, relays) the cursor and lag, open rejections,
/// and the counts of changes refused without being kept (callers without consent, rows the bounded quarantine dropped).
/// </summary>
public sealed record CityFederationState(Guid OriginMemberId, long AcknowledgedVersion, long Lag, IReadOnlyList<FeedState> Feeds,
    IReadOnlyList<RejectedChangeDto> Rejected, IReadOnlyList<RefusalCountDto> Refused);

public sealed record FeedState(Guid SourceMemberId, long AcknowledgedVersion, long HeadVersion, long Lag, DateTimeOffset UpdatedAt);

public sealed record RejectedChangeDto(string? Kind, string OriginId, long Version, string Code, string? Field, string Reason, Guid SourceMemberId, DateTimeOffset ReceivedAt);

public sealed record RefusalCountDto(Guid SourceMemberId, string Reason, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);
