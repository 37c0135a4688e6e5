using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kommune20.Messaging;

/// <summary>
/// Readiness that waits for the bus once: until it has been healthy since the process started, the service's queues
/// may not be declared and bound, and an event published to them meanwhile would be dropped, so the service is not
/// ready. After that a broker outage only degrades readiness (MassTransit's own check reports at most Degraded): the
/// outbox holds what the service publishes, its REST and gRPC go on, and the consumers resume when the broker returns.
/// Taking every instance out of its load balancer for the broker's outage would turn a messaging delay into downtime.
/// </summary>
internal sealed class BusStarted(IBusControl bus) : IHealthCheck
{
    volatile bool _started;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_started && bus.CheckHealth().Status == BusHealthStatus.Healthy)
            _started = true;
        return Task.FromResult(_started
            ? HealthCheckResult.Healthy("The bus has started; its queues are bound.")
            : HealthCheckResult.Unhealthy("The bus has not connected since the start; its queues may not be bound yet."));
    }
}
