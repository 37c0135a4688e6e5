using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>
/// A guest's credential: an opaque bearer token ("k20g_…", 32 random bytes) that Meetings keeps only as a hash and checks
/// itself (<see cref="GuestPassHandler"/>), valid for one session's live room and <see cref="Lifetime"/> at most. It
/// travels like a person's token: in the Authorization header, and on the hub's path as <c>access_token</c> in the query
/// string, which is what a browser's WebSocket can send. It is no JWT, so the gateway and the Registry's token
/// validation never take it for a person's.
/// </summary>
public static class GuestPasses
{
    public const string Scheme = "GuestPass";
    public const string TokenPrefix = "k20g_";
    public const string Role = "guest";
    public const string GuestIdClaim = "guest_id";
    public const string SessionClaim = "exchange_session";
    public const string DefaultName = "Gast";
    public const int MaxNameLength = 60;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static string NewToken() => TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The guest token a request carries, or null: a bearer token with the guest prefix, or on the hub's path the query's.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer " + TokenPrefix, StringComparison.Ordinal))
            return header["Bearer ".Length..].Trim();
        return request.Path.StartsWithSegments(LiveRoomHub.Path) && request.Query["access_token"] is [{ } token]
               && token.StartsWith(TokenPrefix, StringComparison.Ordinal)
            ? token
            : null;
    }

    public static ClaimsPrincipal Principal(GuestPass pass) => new(new ClaimsIdentity(
    [
        new Claim(GuestIdClaim, pass.Id.ToString()),
        new Claim(SessionClaim, pass.SessionId.ToString()),
        new Claim(Kommune20Claims.Name, pass.Name),
        new Claim(Kommune20Claims.Role, Role),
    ], Scheme, Kommune20Claims.Name, Kommune20Claims.Role));

    /// <summary>The guest's id (never a person's: a guest has no subject claim), or null for anyone else.</summary>
    public static Guid? GuestId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(GuestIdClaim), out var id) ? id : null;

    /// <summary>The one session whose live room the guest may enter, or null for anyone but a guest.</summary>
    public static Guid? GuestSessionId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>A guest's display name as given, trimmed, or <see cref="DefaultName"/>; null when it is too long.</summary>
    public static string? DisplayName(string? name) => string.IsNullOrWhiteSpace(name) ? DefaultName
        : name.Trim().Length <= MaxNameLength ? name.Trim() : null;
}
