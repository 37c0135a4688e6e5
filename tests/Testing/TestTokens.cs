using System.Security.Cryptography;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.Testing;

/// <summary>
/// Access tokens as the Registry would issue them, signed with a key that only the tests know; a service or the gateway
/// in-process checks them with <see cref="AcceptTestTokens"/> instead of fetching the Registry's keys.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://gateway.test/";

    public static readonly SecurityKey SigningKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "kommune20-tests" };

    public static string For(string subject, string role) => For(subject, [role]);

    /// <summary>A person's token: its subject (the Registry person id), roles, name and member.</summary>
    public static string For(string subject, IReadOnlyList<string> roles, string? name = null, Guid? memberId = null)
    {
        var claims = new Dictionary<string, object>
        {
            [Kommune20Claims.Subject] = subject,
            [Kommune20Claims.MemberId] = (memberId ?? Guid.NewGuid()).ToString(),
        };
        if (roles.Count > 0)
            claims[Kommune20Claims.Role] = roles.Count == 1 ? roles[0] : roles.ToArray();
        if (name is not null)
            claims[Kommune20Claims.Name] = name;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Kommune20Claims.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The host validates tokens of <see cref="Issuer"/> signed with <see cref="SigningKey"/>.</summary>
    public static IWebHostBuilder AcceptTestTokens(this IWebHostBuilder builder)
    {
        builder.UseSetting("Identity:Issuer", Issuer);
        return builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                options.Configuration.SigningKeys.Add(SigningKey);
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(options.Configuration);
            }));
    }
}
