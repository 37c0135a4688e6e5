using Dapr.Client;
using Grpc.Net.Client;
using Kommune20.CityNode.Records;
using Kommune20.Federation.Client;
using Kommune20.ServiceDefaults.Security;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.CityNode.Federation;

/// <summary>Wires the node to the hub: the gRPC channel, the client credential, the change log and the push loops (one per origin).</summary>
public static class HubFederation
{
    public static IHostApplicationBuilder AddHubFederation(this IHostApplicationBuilder builder)
    {
        var settings = NodeSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddDaprClient();
        services.AddSingleton<ChangeLog.Gate>();
        services.AddScoped<ChangeLog>();

        services.AddSingleton(_ => GrpcChannel.ForAddress(settings.HubGrpcUrl, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                ConnectTimeout = TimeSpan.FromSeconds(5),
            },
        }));
        services.AddSingleton(provider => new FederationGrpcClient(provider.GetRequiredService<GrpcChannel>()));
        services.AddHttpClient(nameof(ClientCredentialsToken));
        services.AddSingleton(provider => new ClientCredentialsToken(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClientCredentialsToken)),
            settings.TokenUrl,
            settings.ClientId,
            ClientSecretSource(settings, provider),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ChangePusher(
            provider.GetRequiredService<FederationGrpcClient>(), provider.GetRequiredService<ClientCredentialsToken>().GetAsync));
        services.AddSingleton<PushLoops>();
        services.AddHostedService(provider => provider.GetRequiredService<PushLoops>());
        return builder;
    }

    /// <summary>From the Dapr secret store when the node names one (the sidecar answers), else from configuration.</summary>
    static Func<CancellationToken, ValueTask<string>> ClientSecretSource(NodeSettings settings, IServiceProvider provider)
    {
        if (settings.SecretStore is not { } store)
        {
            var secret = settings.ClientSecret
                ?? throw new InvalidOperationException("Node:ClientSecret is not configured, and no Dapr secret store (Node:SecretStore) is named.");
            return _ => ValueTask.FromResult(secret);
        }
        var dapr = provider.GetRequiredService<DaprClient>();
        return async cancellationToken =>
        {
            var secrets = await dapr.GetSecretAsync(store, settings.SecretName, cancellationToken: cancellationToken);
            return secrets.TryGetValue(settings.SecretKey, out var value)
                ? value
                : throw new InvalidOperationException($"The Dapr secret store {store} has no key {settings.SecretKey} in secret {settings.SecretName}.");
        };
    }
}
