using Kommune20.ServiceDefaults.Security;

namespace Kommune20.CityNode.Records;

/// <summary>
/// Who may edit the node: a person with role city-editor whose token speaks for this node's member. On a network node
/// any city editor passes the policy; which members' records they may edit, <see cref="Network.MemberAccess"/> decides
/// per request (the network's editors for consenting members, a member's own editors for that member).
/// </summary>
public static class EditorPolicy
{
    public const string Name = "node-editor";

    public static IHostApplicationBuilder AddEditorPolicy(this IHostApplicationBuilder builder, NodeSettings settings)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(Name, policy =>
        {
            policy.RequireAuthenticatedUser().RequireRole(Roles.CityEditor);
            if (!settings.Network)
                policy.RequireClaim(Kommune20Claims.MemberId, settings.MemberId.ToString());
        });
        return builder;
    }
}
