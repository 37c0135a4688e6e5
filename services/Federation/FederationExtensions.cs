using Kommune20.Federation.Provenance;
using Kommune20.Federation.Replicas;

namespace Kommune20.Federation;

public static class FederationExtensions
{
    /// <summary>
    /// The replica writer and the provenance check, which asks the Registry about relays (<see cref="RegistryRelayRegister"/>).
    /// </summary>
    public static IHostApplicationBuilder AddFederationHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplicaWriter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReplicaWriter>());
        builder.Services.AddSingleton<ProvenanceCheck>();
        builder.Services.AddSingleton<IRelayRegister, RegistryRelayRegister>();
        return builder;
    }
}
