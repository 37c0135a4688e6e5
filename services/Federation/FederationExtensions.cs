using Kommune20.Federation.Provenance;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults.Security;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.Federation;

public static class FederationExtensions
{
    /// <summary>
    /// The replica writer, the provenance check and the Registry client it asks about relays. The client calls the
    /// Registry's gRPC port (<c>Registry:GrpcUrl</c>) with the service's own client credential
    /// (<c>Federation:ClientId</c>, <c>Federation:ClientSecret</c>, role service) from the issuer at <c>Identity:Authority</c>.
    /// </summary>
    public static IHostApplicationBuilder AddFederationHub(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplicaWriter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReplicaWriter>());
        builder.Services.AddSingleton<ProvenanceCheck>();
        builder.Services.AddSingleton<IRelayRegister, RegistryRelayRegister>();

        builder.Services.AddHttpClient(nameof(ClientCredentialsToken));
        builder.Services.AddSingleton(provider =>
        {
            var authority = new Uri(configuration["Identity:Authority"] ?? configuration["Identity:Issuer"] ?? "http://localhost:8080/");
            var secret = configuration["Federation:ClientSecret"] ?? "";
            return new ClientCredentialsToken(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClientCredentialsToken)),
                new Uri(authority, "connect/token"),
                configuration["Federation:ClientId"] ?? "hub-federation",
                _ => ValueTask.FromResult(secret),
                provider.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddGrpcClient<RegistryClient>(options => options.Address = new Uri(configuration["Registry:GrpcUrl"] ?? "http://127.0.0.1:5111/"))
            .AddCallCredentials(async (_, metadata, provider) =>
                metadata.Add("Authorization", "Bearer " + await provider.GetRequiredService<ClientCredentialsToken>().GetAsync(CancellationToken.None)))
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
        return builder;
    }
}
