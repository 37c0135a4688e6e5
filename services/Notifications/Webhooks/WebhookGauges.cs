using System.Diagnostics.Metrics;
using Kommune20.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// Webhook deliveries by status (tag <c>status</c>: pending, retrying, delivered, failed — given up, the dead letters),
/// counted in the database when the gauge is read (a scrape), with one grouped count over the status index.
/// </summary>
public sealed class WebhookGauges : IDisposable
{
    public const string MeterName = "Kommune20.Notifications";

    readonly Meter _meter = new(MeterName);
    readonly IServiceScopeFactory _scopes;

    public WebhookGauges(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _meter.CreateObservableGauge("kommune20.webhooks.deliveries", Deliveries, "{delivery}",
            "Webhook deliveries by status; failed ones were given up after their retries");
    }

    IEnumerable<Measurement<int>> Deliveries()
    {
        using var scope = _scopes.CreateScope();
        var counts = scope.ServiceProvider.GetRequiredService<NotificationsDb>().WebhookDeliveries.AsNoTracking()
            .GroupBy(delivery => delivery.Status)
            .Select(status => new { status.Key, Count = status.Count() })
            .ToDictionary(status => status.Key, status => status.Count);
        return Enum.GetValues<DeliveryStatus>().Select(status =>
            new Measurement<int>(counts.GetValueOrDefault(status), new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant())));
    }

    public void Dispose() => _meter.Dispose();
}
