namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>
/// A session's moderators let guests into its live room: whoever has the join code redeems it for a guest pass. There is
/// one per session at most; closing it (deleting the row) ends every pass redeemed with it.
/// </summary>
public sealed class GuestAccess
{
    public Guid SessionId { get; init; }
    /// <summary>The join code (<see cref="JoinCode"/>), shown to the session's moderators only.</summary>
    public required string Code { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public Guid OpenedBy { get; init; }
}

/// <summary>
/// A guest in one session's live room: not a person of the register, known by this id and the name they chose, nothing
/// else. The pass's token is kept only as its SHA-256 hash.
/// </summary>
public sealed class GuestPass
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public required string TokenHash { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
