using Kommune20.Federation.Grpc;
using Kommune20.Federation.Provenance;
using Kommune20.Federation.Replicas;
using OpenTelemetry.Metrics;

namespace Kommune20.Federation;

public static class FederationExtensions
{
    /// <summary>
    /// The largest gRPC message the hub reads (a batch of changes, a re-sync chunk); larger ones fail with
    /// RESOURCE_EXHAUSTED. Streams lift Kestrel's body limit, so this is what bounds them per message.
    /// </summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The replica writer, the provenance check, which asks the Registry about relays (<see cref="RegistryRelayRegister"/>),
    /// the push limits (<c>Federation:Limits</c>) with the flood guard, the federation counters and the lag per city.
    /// </summary>
    public static IHostApplicationBuilder AddFederationHub(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Federation:Limits").Get<PushLimits>() ?? new PushLimits();
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = MaxMessageBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplicaWriter>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReplicaWriter>());
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<FloodGuard>();
        builder.Services.AddSingleton<FederationMetrics>();
        builder.Services.AddSingleton<FederationLagGauges>();
        builder.Services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            provider.GetRequiredService<FederationLagGauges>();
            metrics.AddMeter(FederationMetrics.MeterName);
        });
        builder.Services.AddSingleton(provider => new ProvenanceCheck(
            provider.GetRequiredService<IRelayRegister>(), provider.GetRequiredService<TimeProvider>(), limits.ConsentCache));
        builder.Services.AddSingleton<IRelayRegister, RegistryRelayRegister>();
        return builder;
    }
}
