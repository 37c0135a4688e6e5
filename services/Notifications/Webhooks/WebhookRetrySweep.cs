using Kommune20.Messaging;
using Kommune20.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// The broker cannot delay a message, so retries wait in the database: every <see cref="WebhookOptions.SweepInterval"/> the
/// deliveries whose next attempt is due are queued again, in batches (<see cref="WebhookDeliveriesDue"/>) through the outbox. A delivery queued long ago
/// whose message never led to an attempt (an instance died while sending) is queued again; the courier's claim keeps any
/// duplicate from sending twice.
/// </summary>
public sealed class WebhookRetrySweep(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookRetrySweep> logger) : BackgroundService
{
    const int Batch = 500;
    static readonly TimeSpan Requeue = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int queued;
                do
                    queued = await QueueDueAsync(stoppingToken);
                while (queued == Batch);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                logger.LogWarning(failed, "The sweep for due webhook deliveries failed; it tries again in {Interval}", options.Value.SweepInterval);
            }
        }
    }

    async Task<int> QueueDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = clock.GetUtcNow();
        var stale = now - Requeue;
        var due = await db.WebhookDeliveries
            .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying) && d.NextAttemptAt <= now
                && (d.QueuedAt == null || d.QueuedAt < stale))
            .OrderBy(d => d.NextAttemptAt).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        foreach (var delivery in due)
            delivery.QueuedAt = now;
        foreach (var batch in WebhookDeliveriesDue.Batches(due.Select(d => d.Id), options.Value.BatchSize))
            db.AddIntegrationEvent(batch);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
