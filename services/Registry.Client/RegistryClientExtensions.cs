using Kommune20.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.Registry.Client;

public static class RegistryClientExtensions
{
    /// <summary>
    /// The Registry's gRPC client (<c>Registry:GrpcUrl</c>) for a hub service that asks the register. It calls with the
    /// service's own client credential, <c>{section}:ClientId</c> (else <c>hub-{section}</c>) and <c>{section}:ClientSecret</c>,
    /// exchanged for a token at the issuer at <c>Identity:Authority</c>; that <see cref="ClientCredentialsToken"/> is
    /// registered for the service's other calls too.
    /// </summary>
    public static IHostApplicationBuilder AddRegistryClient(this IHostApplicationBuilder builder, string section)
    {
        var configuration = builder.Configuration;
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(nameof(ClientCredentialsToken));
        builder.Services.AddSingleton(provider =>
        {
            var authority = new Uri(configuration["Identity:Authority"] ?? configuration["Identity:Issuer"] ?? "http://localhost:8080/");
            var secret = configuration[$"{section}:ClientSecret"] ?? "";
            return new ClientCredentialsToken(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClientCredentialsToken)),
                new Uri(authority, "connect/token"),
                configuration[$"{section}:ClientId"] ?? "hub-" + section.ToLowerInvariant(),
                _ => ValueTask.FromResult(secret),
                provider.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddGrpcClient<RegistryClient>(options => options.Address = new Uri(configuration["Registry:GrpcUrl"] ?? "http://127.0.0.1:5111/"))
            .AddCallCredentials(async (_, metadata, provider) =>
                metadata.Add("Authorization", "Bearer " + await provider.GetRequiredService<ClientCredentialsToken>().GetAsync(CancellationToken.None)))
            // The hub's processes talk over loopback or a private network without TLS.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
        return builder;
    }
}
