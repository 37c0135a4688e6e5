using System.Collections.Immutable;
using System.Security.Claims;
using Kommune20.Registry.Clients;
using Kommune20.Registry.People;
using Kommune20.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>Builds what a token says about its holder: subject, name, the member it speaks for, and its roles.</summary>
public static class TokenPrincipals
{
    /// <summary>A machine client (a node, a relay, a hub service, an integration) calls the hub's APIs.</summary>
    public static ClaimsPrincipal ForClient(ClientRegistration client, string displayName, ImmutableArray<string> scopes) =>
        Build(client.ClientId, displayName, client.MemberId, client.Roles, scopes, [Kommune20Claims.Audience]);

    /// <summary>A person's token is for the audience its web application asked for (and may ask for): the hub's APIs
    /// for the portal, a node's own API for that node's pages.</summary>
    public static ClaimsPrincipal ForPerson(Person person, ImmutableArray<string> scopes, WebClientList webClients) =>
        Build(person.Id.ToString(), person.Name, person.MemberId, person.Roles, scopes, webClients.AudiencesIn(scopes));

    static ClaimsPrincipal Build(string subject, string name, Guid memberId, IEnumerable<string> roles, ImmutableArray<string> scopes,
        IEnumerable<string> audiences)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(Kommune20Claims.MemberId, memberId.ToString())
            .SetClaims(Claims.Role, [.. roles]);
        identity.SetScopes(scopes);
        identity.SetResources([.. audiences]);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Role or Kommune20Claims.MemberId when identity.HasScope(Scopes.Profile) || identity.HasScope(Scopes.Roles)
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
