using OpenIddict.Abstractions;
using Kommune20.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>
/// Keeps the portal's public client (authorization code with PKCE) registered with the redirect addresses from
/// configuration (<c>Identity:PortalRedirectUris</c>), so people can sign in wherever the portal is served.
/// </summary>
internal sealed class PortalClient(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public const string ClientId = "portal";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(configuration.GetSection("Identity:PortalRedirectUris").Get<string[]>() ?? ["http://localhost:8080/signin-oidc"]);

        var existing = await applications.FindByClientIdAsync(ClientId, cancellationToken);
        if (existing is null)
            await applications.CreateAsync(descriptor, cancellationToken);
        else
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static OpenIddictApplicationDescriptor Describe(IEnumerable<string> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            DisplayName = "Kommune20-Portal",
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
                Permissions.Prefixes.Scope + Kommune20Claims.Audience,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.PostLogoutRedirectUris.Add(new Uri(new Uri(uri), "/"));
            // Where the sign-out of a web application (OpenID Connect handler) comes back to before it shows its start page.
            descriptor.PostLogoutRedirectUris.Add(new Uri(new Uri(uri), "/signout-callback-oidc"));
        }
        return descriptor;
    }
}
