using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>
/// Keeps the web applications that sign people in registered as public clients (authorization code with PKCE), each
/// with the redirect addresses from configuration and an audience of its own: the portal
/// (<c>Identity:PortalRedirectUris</c>) gets <c>kommune20</c>, the hub's APIs; a city node's pages
/// (<c>Identity:WebClients:N:ClientId</c>, <c>…:RedirectUris</c>) get their client id, which only that node accepts,
/// so a token issued to one node's pages does not open the hub's office APIs. Startup work, after the migrations.
/// </summary>
internal sealed class WebClients(IServiceProvider services, WebClientList clients) : IStartupWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in clients.All)
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                continue;
            }
            // What the office set (a deactivation) outlives a restart.
            foreach (var (key, value) in await applications.GetPropertiesAsync(existing, cancellationToken))
                descriptor.Properties[key] = value;
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    static OpenIddictApplicationDescriptor Describe(WebClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + client.Audience,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.PostLogoutRedirectUris.Add(new Uri(new Uri(uri), "/"));
            // Where the sign-out of a web application (OpenID Connect handler) comes back to before it shows its start page.
            descriptor.PostLogoutRedirectUris.Add(new Uri(new Uri(uri), "/signout-callback-oidc"));
        }
        return descriptor;
    }
}

/// <summary>A web application that signs people in: its client id, the audience of its tokens and where it takes them back.</summary>
public sealed record WebClient(string ClientId, string DisplayName, string Audience, IReadOnlyList<string> RedirectUris);

/// <summary>The portal and the web clients of configuration; the audiences a person's token can name.</summary>
public sealed class WebClientList(IReadOnlyList<WebClient> all)
{
    public const string PortalClientId = "portal";

    public static WebClientList From(IConfiguration configuration)
    {
        var portal = new WebClient(PortalClientId, "Kommune20-Portal", Kommune20Claims.Audience,
            configuration.GetSection("Identity:PortalRedirectUris").Get<string[]>() ?? ["http://localhost:8080/signin-oidc"]);
        var pages = configuration.GetSection("Identity:WebClients").GetChildren()
            .Select(section => section["ClientId"] is { Length: > 0 } clientId
                ? new WebClient(clientId, section["DisplayName"] ?? clientId, clientId, section.GetSection("RedirectUris").Get<string[]>() ?? [])
                : throw new InvalidOperationException($"Identity:WebClients:{section.Key}:ClientId is not configured."));
        return new WebClientList([portal, .. pages]);
    }

    /// <summary>The requested scopes that name an audience: the resources a person's token is issued for.</summary>
    public IEnumerable<string> AudiencesIn(IEnumerable<string> scopes) =>
        scopes.Where(scope => all.Any(client => client.Audience == scope));

    public IReadOnlyList<WebClient> All => all;

    public IEnumerable<string> Audiences => all.Select(client => client.Audience).Distinct();
}
