using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kommune20.ServiceDefaults;

public static class Telemetry
{
    public const string TracingSwitch = "Telemetry:Tracing";

    /// <summary>"json" writes the console log as one JSON object a line with the trace and span id; "text" (plain lines) is the default outside containers.</summary>
    public const string LogFormat = "Logging:Format";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        if (WritesJsonLogs(builder.Configuration))
            builder.Logging.AddJsonLogs();

        // The ASP.NET Core instrumentation brings the hosting, Kestrel, routing and rate-limiting meters.
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        // Tracing is on unless Telemetry:Tracing is false (the benchmarks measure what it costs).
        if (builder.Configuration.GetValue(TracingSwitch, true))
        {
            otel.WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                        && !context.Request.Path.StartsWithSegments(MetricsEndpoint.Path))
                .AddHttpClientInstrumentation());
        }

        // Exporting is opt-in, so a laptop without a collector does not log export failures.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();

        return builder;
    }

    /// <summary>JSON when configured so, and in a container (where a log collector reads stdout) unless configured otherwise.</summary>
    static bool WritesJsonLogs(IConfiguration configuration) =>
        configuration[LogFormat] is { } format
            ? string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            : string.Equals(configuration["DOTNET_RUNNING_IN_CONTAINER"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Replaces the console's plain lines by JSON lines whose scopes carry the trace and span id of the request.</summary>
    static void AddJsonLogs(this ILoggingBuilder logging)
    {
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }
}
