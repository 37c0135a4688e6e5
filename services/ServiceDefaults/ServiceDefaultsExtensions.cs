using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.ServiceDefaults;

/// <summary>What every Kommune20 process shares: telemetry, health, problem details, token validation, resilience.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        SharedLoggers.Register(builder.Services);
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddStartupGate();
        builder.Services.AddKommune20Problems();
        builder.Services.AddRequestBodyLimit();
        builder.Services.AddTrustedProxies();
        builder.Services.AddSecureCookies();
        builder.Services.Configure<JsonOptions>(options => Json.Configure(options.SerializerOptions));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<GatewayServerTransformer>());
        builder.AddTokenValidation();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    /// <param name="beforeAuthentication">Middleware that needs the caller's forwarded address before any sign-in is
    /// handled (the Registry's throttle on its token endpoint).</param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Action<IApplicationBuilder>? beforeAuthentication = null)
    {
        // Before the forwarded headers are applied (and removed): the scrape endpoint answers only requests not forwarded.
        app.UseMetricsEndpoint();

        // Behind the gateway the request's host is the gateway's (X-Forwarded-Host), so redirects and
        // sign-in pages point at the public address; only from the proxies TrustedProxies names.
        app.UseForwardedHeaders();
        app.UseSecureCookies();
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        app.UseStartupGate();
        beforeAuthentication?.Invoke(app);
        app.UseAuthenticationWithGrpcShortcut();
        app.UseAuthorization();

        // Live: the process answers. Ready: its startup work is done, its database answers and its bus has started; a broker outage after that only
        // degrades it (which check is not healthy is told only to this machine).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        Readiness.Map(app);
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
