using Kommune20.Registry.Data;
using Kommune20.Registry.People;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>The Registry as the network's OpenID Connect issuer (OpenIddict).</summary>
public static class IdentityExtensions
{
    public const string LoginScheme = "registry-login";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    const string LoginCookieName = "k20.anmeldung";

    public static IHostApplicationBuilder AddRegistryIdentity(this IHostApplicationBuilder builder)
    {
        var issuer = new Uri(builder.Configuration["Identity:Issuer"] ?? "http://localhost:8080/");
        var keys = IssuerKeys.LoadOrCreate(builder.Configuration["Identity:KeyDirectory"] ?? DataDirectory.Of(builder.Configuration));
        builder.Services.AddSingleton(keys);
        // The login page's cookie and antiforgery token must read at every instance (k8s scales the Registry).
        builder.AddSharedKeyRing(LoginCookieName);
        var webClients = WebClientList.From(builder.Configuration);
        builder.Services.AddSingleton(webClients);
        builder.Services.AddStartupWork<WebClients>();
        builder.Services.AddSingleton<IPasswordHasher<Person>, PasswordHasher<Person>>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddAntiforgery();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<RegistryDb>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                // A person's access is re-checked at least every 15 minutes: the web applications renew the access token
                // with the refresh token, and the issuer refuses that for a deactivated person.
                server.SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(8));
                // Each audience is a scope of the same name; a web client may ask only for its own (WebClients).
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, .. webClients.Audiences]);
                server.AddSigningKey(keys.SigningKey).AddEncryptionKey(keys.EncryptionKey);
                // Access tokens stay signed JWTs (not encrypted) so the gateway and every service can validate them.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.AddAuthentication()
            .AddCookie(LoginScheme, cookie =>
            {
                cookie.LoginPath = "/account/login";
                cookie.Cookie.Name = LoginCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        // The Registry validates its own tokens with its own key rather than fetching its metadata over the network.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer.AbsoluteUri };
            configuration.SigningKeys.Add(keys.SigningKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });
        return builder;
    }
}
