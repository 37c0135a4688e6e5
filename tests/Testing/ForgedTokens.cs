using System.Security.Cryptography;
using System.Text;
using Kommune20.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Kommune20.Testing;

/// <summary>
/// Office tokens that must be refused (401) by the gateway and by every service: each differs from a valid one in one
/// way only, so a refusal shows that this one check holds.
/// </summary>
public static class ForgedTokens
{
    /// <summary>Not forged at all: the control that shows the refusals are not for some other reason.</summary>
    public const string Genuine = "genuine";
    public const string Expired = "expired";
    public const string WrongIssuer = "wrong-issuer";
    public const string WrongAudience = "wrong-audience";
    public const string WrongSignature = "wrong-signature";
    public const string NoAlgorithm = "alg-none";

    public static readonly TheoryData<string> Kinds = new() { Expired, WrongIssuer, WrongAudience, WrongSignature, NoAlgorithm };

    /// <summary>A token as <paramref name="issuer"/> would sign it with <paramref name="key"/>, forged the named way.</summary>
    public static string Make(string kind, SecurityKey key, string issuer, Guid memberId)
    {
        using var otherRsa = RSA.Create(2048);
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == WrongIssuer ? "http://issuer.invalid/" : issuer,
            Audience = kind == WrongAudience ? "another-audience" : Kommune20Claims.Audience,
            IssuedAt = kind == Expired ? now.AddHours(-2) : now,
            NotBefore = kind == Expired ? now.AddHours(-2) : now,
            Expires = kind == Expired ? now.AddHours(-1) : now.AddMinutes(10),
            Claims = new Dictionary<string, object>
            {
                [Kommune20Claims.Subject] = "geschaeftsstelle",
                [Kommune20Claims.Role] = Roles.Office,
                [Kommune20Claims.MemberId] = memberId.ToString(),
            },
            SigningCredentials = new SigningCredentials(
                kind == WrongSignature ? new RsaSecurityKey(otherRsa) { KeyId = key.KeyId } : key, SecurityAlgorithms.RsaSha256),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        return kind == NoAlgorithm ? Unsigned(token) : token;
    }

    /// <summary>The same header and payload with <c>alg: none</c> and no signature.</summary>
    static string Unsigned(string token)
    {
        var payload = token.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{payload}.";
    }
}
