namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>Whether a session lets guests in and, for its moderators, the code to show them and how many guests redeemed it.</summary>
public sealed record GuestAccessDto(bool Open, string? Code, DateTimeOffset? OpenedAt, int Guests);

/// <summary>What a guest sends to enter a live room: the moderators' code and, if they like, a name (default "Gast").</summary>
public sealed record GuestPassInput(string? Code, string? Name);

/// <summary>
/// A guest's pass: the bearer token (for the API's Authorization header and the hub's <c>access_token</c>), which is
/// shown this once, and the session whose live room it opens until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record GuestPassDto(string Token, Guid GuestId, string Name, Guid SessionId, string SessionTitle, DateTimeOffset ExpiresAt);
