using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// Validates access tokens issued by the Registry. <c>Identity:Issuer</c> is the public issuer (the gateway's address);
/// <c>Identity:Authority</c> is where this process fetches the issuer's metadata and keys (the Registry directly).
/// Valid tokens are remembered for a short while (<see cref="CachingTokenHandler"/>).
/// </summary>
public static class TokenValidation
{
    public static IHostApplicationBuilder AddTokenValidation(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        // Normalised the way the issuer writes it into tokens ("http://localhost:8080/"), so the comparison is exact.
        var issuer = new Uri(identity["Issuer"] ?? "http://localhost:8080/").AbsoluteUri;
        var authority = identity["Authority"] ?? issuer;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = identity.GetValue("RequireHttpsMetadata", false);
                options.MapInboundClaims = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new CachingTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
                options.TokenValidationParameters.ValidIssuer = issuer;
                options.TokenValidationParameters.ValidAudience = Kommune20Claims.Audience;
                options.TokenValidationParameters.NameClaimType = Kommune20Claims.Name;
                options.TokenValidationParameters.RoleClaimType = Kommune20Claims.Role;
            });
        builder.Services.AddAuthorizationBuilder().AddKommune20Policies();
        return builder;
    }
}
