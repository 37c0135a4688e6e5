using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Messaging;

/// <summary>
/// The outbox's backlog as gauges of meter <see cref="MessagingMetrics.MeterName"/>, counted in the service's database
/// when they are read (a scrape): messages waiting, how long the oldest has waited, and dead letters not yet handled.
/// Each is one indexed count or one row.
/// </summary>
public sealed class OutboxGauges<TDb> : IDisposable where TDb : DbContext
{
    readonly Meter _meter = new(MessagingMetrics.MeterName);
    readonly IServiceScopeFactory _scopes;
    readonly TimeProvider _clock;

    public OutboxGauges(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _meter.CreateObservableGauge("kommune20.outbox.pending", () => Read(outbox => OutboxStore.Waiting(outbox).Count()),
            "{message}", "Outbox messages waiting to be published.");
        _meter.CreateObservableGauge("kommune20.outbox.oldest_pending_age", OldestPendingAge,
            "s", "How long the oldest waiting outbox message has waited (0 when none waits).");
        _meter.CreateObservableGauge("kommune20.outbox.dead_letters", () => Read(outbox => outbox.Count(message => message.DeadLetteredAt != null)),
            "{message}", "Dead-lettered outbox messages an operator has not yet retried.");
    }

    double OldestPendingAge()
    {
        var oldest = Read(outbox => OutboxStore.Waiting(outbox).OrderBy(message => message.Sequence)
            .Select(message => (DateTimeOffset?)message.CreatedAt).FirstOrDefault());
        return oldest is null ? 0 : Math.Max(0, (_clock.GetUtcNow() - oldest.Value).TotalSeconds);
    }

    T Read<T>(Func<IQueryable<OutboxMessage>, T> query)
    {
        using var scope = _scopes.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<TDb>().Set<OutboxMessage>().AsNoTracking());
    }

    public void Dispose() => _meter.Dispose();
}
