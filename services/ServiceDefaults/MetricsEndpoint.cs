using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// The Prometheus scrape endpoint, <c>/metrics</c> on the service's own port, for the scraper inside the network only:
/// a request that came through the gateway (or any proxy: it carries X-Forwarded-For) is not answered here and finds no
/// route. <c>Metrics:Port</c>, when set, limits it to that local port (0: none); the gateway, whose port is public, sets
/// it, and a deployment gives the gateway a separate port to scrape.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string PortSetting = "Metrics:Port";

    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app)
    {
        var port = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue<int?>(PortSetting);
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path
            && !context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName)
            && (port is null || context.Connection.LocalPort == port));
    }
}
