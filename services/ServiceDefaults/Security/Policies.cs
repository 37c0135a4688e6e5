using Microsoft.AspNetCore.Authorization;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>Authorization policies shared by the gateway and the services, one per role.</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string Office = Roles.Office;
    public const string CityEditor = Roles.CityEditor;
    public const string CityNode = Roles.CityNode;
    public const string Moderator = Roles.Moderator;
    public const string Delegate = Roles.Delegate;
    public const string Service = Roles.Service;

    public static AuthorizationBuilder AddKommune20Policies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(Authenticated, policy => policy.RequireAuthenticatedUser());
        foreach (var role in new[] { Roles.Office, Roles.CityEditor, Roles.CityNode, Roles.Moderator, Roles.PartnerContact, Roles.Delegate, Roles.Service })
            authorization.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        return authorization;
    }
}
