using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// The one connection of a Meetings instance to the live room's Redis, opened when first asked for: the backplane
/// publishes and subscribes on it, and readiness pings it.
/// </summary>
public sealed class BackplaneConnection(ConfigurationOptions options) : IHealthCheck
{
    readonly Lock _lock = new();
    Task<ConnectionMultiplexer>? _connection;

    /// <param name="log">Where StackExchange.Redis writes how the first connection went (the backplane's logger).</param>
    public async Task<IConnectionMultiplexer> ConnectAsync(TextWriter? log)
    {
        lock (_lock)
            _connection ??= ConnectionMultiplexer.ConnectAsync(options, log);
        return await _connection;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var redis = await ConnectAsync(log: null);
        if (!redis.IsConnected)
            return HealthCheckResult.Unhealthy($"Redis at {string.Join(", ", options.EndPoints)} is not connected.");
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", e);
        }
    }
}
