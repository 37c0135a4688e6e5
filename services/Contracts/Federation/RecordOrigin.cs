namespace Kommune20.Contracts.Federation;

/// <summary>
/// Provenance of a replica: the member city whose node is the source of truth, the record's id there, and the
/// version the node gave it. The hub never edits a record; a higher version from the origin replaces it.
/// <paramref name="RelayedBy"/> is the network whose node delivered this version for the origin (a region publishing for
/// its member towns), null when the origin's own node (or its editor at the hub) did.
/// </summary>
public sealed record RecordOrigin(Guid OriginMemberId, string OriginId, long Version, DateTimeOffset ChangedAt, Guid? RelayedBy = null);
