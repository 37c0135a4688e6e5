using System.Security.Claims;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>Claim names in Kommune20 access tokens: the member (organisation) a caller speaks for and its roles.</summary>
public static class Kommune20Claims
{
    public const string MemberId = "member_id";
    public const string Role = "role";
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Audience = "kommune20";

    public static Guid? GetMemberId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MemberId), out var id) ? id : null;

    /// <summary>The signed-in person's Registry id (the token's subject), or null for a client or a token without one.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Subject), out var id) ? id : null;
}
