namespace Kommune20.CityNode.Network;

public static class NetworkNode
{
    /// <summary>On a network node: the Registry's list of the network's members, kept current.</summary>
    public static IHostApplicationBuilder AddNetworkMembers(this IHostApplicationBuilder builder, NodeSettings settings)
    {
        if (!settings.Network)
            return builder;
        builder.Services.AddHttpClient(nameof(NetworkMembers), client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<NetworkMembers>();
        builder.Services.AddHostedService<NetworkMembers.Refresh>();
        return builder;
    }
}
