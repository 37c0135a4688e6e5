using Kommune20.Registry.Data;
using Kommune20.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Clients;

/// <summary>Registers a confidential client (a city node, a relay, an integration) that speaks for one member.</summary>
public sealed class ClientProvisioning(IOpenIddictApplicationManager applications, RegistryDb db)
{
    public async Task CreateAsync(string clientId, string displayName, string secret, Guid memberId, IEnumerable<string> roles, CancellationToken ct)
    {
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = displayName,
            ClientType = ClientTypes.Confidential,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + Kommune20Claims.Audience,
            },
        }, ct);
        db.Clients.Add(new ClientRegistration { ClientId = clientId, MemberId = memberId, Roles = roles.ToList() });
        await db.SaveChangesAsync(ct);
    }
}
