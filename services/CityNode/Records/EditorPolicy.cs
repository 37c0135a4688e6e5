using Kommune20.ServiceDefaults.Security;

namespace Kommune20.CityNode.Records;

/// <summary>Who may edit the node: a person with role city-editor whose token speaks for this node's member.</summary>
public static class EditorPolicy
{
    public const string Name = "node-editor";

    public static IHostApplicationBuilder AddEditorPolicy(this IHostApplicationBuilder builder, NodeSettings settings)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(Name, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(Roles.CityEditor)
            .RequireClaim(Kommune20Claims.MemberId, settings.MemberId.ToString()));
        return builder;
    }
}
