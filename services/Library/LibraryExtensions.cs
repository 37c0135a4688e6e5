using Kommune20.Library.Adoptions;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Library.Seed;
using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Library;

public static class LibraryExtensions
{
    /// <summary>The replicas, adoptions and member cards, and what keeps them: consumers' services and the demo seed.</summary>
    public static IHostApplicationBuilder AddLibraryRecords(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PracticeReplicas>();
        builder.Services.AddScoped<MemberCards>();
        builder.Services.AddScoped<AdoptionViews>();
        builder.Services.AddScoped<DemoAdoptions>();
        return builder;
    }

    /// <summary>The Lucene index of practices, the indexer that keeps it in step with the database, and the search over it.</summary>
    public static IHostApplicationBuilder AddLibrarySearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PracticeIndex>();
        builder.Services.AddSingleton<PracticeIndexSignal>();
        builder.Services.AddSingleton<PracticeSearch>();
        builder.Services.AddHostedService<PracticeIndexer>();
        return builder;
    }

    /// <summary>
    /// The Registry's gRPC service (<c>Registry:GrpcUrl</c>), called with the library's own client credential
    /// (<c>Library:ClientId</c>, <c>Library:ClientSecret</c>) from the issuer at <c>Identity:Authority</c>. The library asks
    /// it who a practice's origin and an adopter are; the Registry's events tell it when to ask again.
    /// </summary>
    public static IHostApplicationBuilder AddRegistryClient(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddHttpClient(nameof(ClientCredentialsToken));
        builder.Services.AddSingleton(provider =>
        {
            var authority = new Uri(configuration["Identity:Authority"] ?? configuration["Identity:Issuer"] ?? "http://localhost:8080/");
            var secret = configuration["Library:ClientSecret"] ?? "";
            return new ClientCredentialsToken(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ClientCredentialsToken)),
                new Uri(authority, "connect/token"),
                configuration["Library:ClientId"] ?? "hub-library",
                _ => ValueTask.FromResult(secret),
                provider.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddGrpcClient<Registry.Grpc.Registry.RegistryClient>(options =>
                options.Address = new Uri(configuration["Registry:GrpcUrl"] ?? "http://127.0.0.1:5111/"))
            .AddCallCredentials(async (_, metadata, services) =>
                metadata.Add("Authorization", "Bearer " + await services.GetRequiredService<ClientCredentialsToken>().GetAsync(CancellationToken.None)))
            // The hub's processes talk over loopback or a private network without TLS.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
        builder.Services.AddScoped<MemberDirectory>();
        return builder;
    }
}
