using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kommune20.WebUi.SignIn;

/// <summary>
/// Sign-in for people, shared by the portal and the city nodes' editor pages: the Registry's OpenID Connect issuer
/// with a public client of the application's own (authorization code with PKCE; <c>portal</c>, or a node's
/// <c>node-heidelberg-web</c>), a cookie for the session, and the tokens kept in it so that calls to the services carry
/// the person's access token, renewed by <see cref="TokenRefresh"/>.
/// </summary>
public static class WebSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string IssuerScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string PortalClientId = "portal";
    public const string NotAllowedPath = "/nicht-erlaubt";
    const string PageOrApiScheme = "page-or-api";
    const string SignInOrApiScheme = "sign-in-or-api";

    /// <param name="cookieName">The session cookie's name; each web application has its own, since cookies do not
    /// tell ports apart and the portal and a node may share a host name.</param>
    /// <param name="clientId">The application's client at the issuer.</param>
    /// <param name="audience">What the person's tokens are for: <c>kommune20</c> (the hub's APIs) for the portal; a node's
    /// pages ask for their own, which the node's API accepts besides <c>kommune20</c> and the hub's APIs refuse.</param>
    public static IHostApplicationBuilder AddWebSignIn(this IHostApplicationBuilder builder, string cookieName,
        string clientId = PortalClientId, string audience = Kommune20Claims.Audience)
    {
        var identity = builder.Configuration.GetSection("Identity");
        var issuer = new Uri(identity["Issuer"] ?? "http://localhost:8080/").AbsoluteUri;

        builder.AddSharedKeyRing(cookieName);

        // Pages authenticate by cookie and sign in at the issuer; an API in the same process (a city node's) keeps
        // the bearer tokens that AddServiceDefaults set up, with 401 and 403 instead of redirects.
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = PageOrApiScheme;
                options.DefaultChallengeScheme = SignInOrApiScheme;
            })
            .AddPolicyScheme(PageOrApiScheme, "Seite oder API", policy =>
                policy.ForwardDefaultSelector = context => IsApiCall(context) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme)
            .AddPolicyScheme(SignInOrApiScheme, "Anmeldung oder API", policy =>
                policy.ForwardDefaultSelector = context => IsApiCall(context) ? JwtBearerDefaults.AuthenticationScheme : IssuerScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = cookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.AccessDeniedPath = NotAllowedPath;
                // As long as the issuer's own sign-in; the access token inside lives 15 minutes and is renewed.
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<TokenRefresh>().ValidatePrincipalAsync(context);
            })
            .AddOpenIdConnect(IssuerScheme, oidc =>
            {
                // Through the gateway: the issuer describes its endpoints by the address it was asked at, and the
                // browser must be sent to the public one.
                oidc.Authority = issuer;
                oidc.RequireHttpsMetadata = identity.GetValue("RequireHttpsMetadata", false);
                oidc.ClientId = clientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // A redirect (GET) back from the issuer works over plain HTTP on one machine, unlike a cross-site form post.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "offline_access", audience })
                    oidc.Scope.Add(scope);
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = Kommune20Claims.Name;
                oidc.TokenValidationParameters.RoleClaimType = Kommune20Claims.Role;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.AccessDeniedPath = NotAllowedPath;
            });
        if (audience != Kommune20Claims.Audience)
        {
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
                bearer.TokenValidationParameters.ValidAudiences = [.. bearer.TokenValidationParameters.ValidAudiences ?? [], audience]);
        }
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenRefresh>();
        return builder;
    }

    /// <summary><c>GET /anmelden?returnUrl=</c> starts the sign-in; <c>POST /abmelden</c> ends it here and at the issuer.</summary>
    public static IEndpointRouteBuilder MapWebSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/anmelden", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }, [IssuerScheme]))
            .AllowAnonymous()
            .ExcludeFromDescription();
        // Only the sign-out button of our own pages may end a session, not a form on another site.
        app.MapPost("/abmelden", async (HttpContext http, IAntiforgery antiforgery) => await antiforgery.IsRequestValidAsync(http)
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, IssuerScheme])
                : Results.BadRequest())
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A call to an API (a Bearer token, or a path under /api) rather than a page a person opened.</summary>
    public static bool IsApiCall(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/api");

    /// <summary>Only paths on this site, so the sign-in link cannot send people elsewhere.</summary>
    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
