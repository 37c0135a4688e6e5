using Kommune20.ServiceDefaults;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Kommune20.Gateway;

/// <summary>
/// The reverse proxy: routes, clusters and per-route authorization policies come from the <c>ReverseProxy</c>
/// configuration section; code only adds tracing, readiness of the clusters and the rate limit.
/// </summary>
public static class GatewayProxy
{
    const string YarpActivitySource = "Yarp.ReverseProxy";
    static readonly TimeSpan ReadinessProbeTimeout = TimeSpan.FromSeconds(2);

    // Without a bound YARP opens a connection per waiting request: 10,800 city nodes asking for a token at once after an
    // outage took the gateway to 10,800 connections in and as many out to the Registry, past its file limit, and it died.
    // Beyond the bound requests wait for a pooled connection; a service cannot answer more at once anyway.
    const int DefaultMaxConnectionsPerDestination = 1024;

    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder)
    {
        var maxConnections = builder.Configuration.GetValue("Gateway:MaxConnectionsPerDestination", DefaultMaxConnectionsPerDestination);
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddVisitorTransform()
            .ConfigureHttpClient((context, handler) => handler.MaxConnectionsPerServer = context.NewConfig.MaxConnectionsPerServer ?? maxConnections);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(YarpActivitySource));

        // A readiness probe answers quickly or counts as not ready: the client drops the retrying resilience
        // handler that ServiceDefaults gives every client, since retries would only delay the verdict.
        builder.Services.AddHttpClient(ClusterHealthCheck.HttpClientName, client => client.Timeout = ReadinessProbeTimeout)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("clusters", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static IEndpointConventionBuilder MapGatewayProxy(this IEndpointRouteBuilder app)
    {
        // The default pipeline (affinity, load balancing, passive health) with the answer for a service that is down before it.
        var proxy = app.MapReverseProxy(pipeline =>
        {
            pipeline.UseUnreachableBackendAnswer();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app.ServiceProvider.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled
            ? proxy.RequireRateLimiting(GatewayRateLimiting.PolicyName)
            : proxy;
    }
}
