using System.Security.Cryptography;
using Kommune20.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.Gateway.Tests;

/// <summary>Access tokens as the Registry would issue them, signed with a key that only the tests know.</summary>
public static class TestTokens
{
    public const string Issuer = "http://gateway.test/";

    public static readonly SecurityKey SigningKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "gateway-tests" };

    public static string For(string subject, string role) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Kommune20Claims.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object>
            {
                [Kommune20Claims.Subject] = subject,
                [Kommune20Claims.Role] = role,
                [Kommune20Claims.MemberId] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
}
