using OpenTelemetry.Metrics;

namespace Kommune20.Notifications.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>Webhook enrolment and delivery: the guarded client, the courier, the sweep that queues due retries, and the deliveries' gauges.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.PostConfigure<WebhookOptions>(options =>
            options.Hub = new Uri(builder.Configuration["Identity:Issuer"] ?? options.Hub.AbsoluteUri));
        builder.Services.AddSingleton<WebhookClient>();
        builder.Services.AddScoped<WebhookHandshake>();
        builder.Services.AddScoped<WebhookEnrolment>();
        builder.Services.AddScoped<WebhookCourier>();
        builder.Services.AddHostedService<WebhookRetrySweep>();
        builder.Services.AddSingleton<WebhookGauges>();
        builder.Services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            provider.GetRequiredService<WebhookGauges>();
            metrics.AddMeter(WebhookGauges.MeterName);
        });
        return builder;
    }
}
