using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// <c>/health/ready</c> answers 200 "Healthy" or 503 "Unhealthy" and nothing more, to anyone (load balancers, the
/// gateway, the launcher). Which dependency is down is told only at <c>/health/ready/detail</c> and only to a caller on
/// this machine (loopback, after the trusted proxy's X-Forwarded-For): everyone else gets 404. Both read one cached
/// report, so no rate of requests makes the process ask its database, broker or backends more than once per
/// <see cref="ReadyFor"/> (<see cref="NotReadyFor"/> while not ready, so that a start is noticed at once).
/// </summary>
public sealed class Readiness(HealthCheckService health)
{
    public static readonly TimeSpan ReadyFor = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan NotReadyFor = TimeSpan.FromMilliseconds(100);

    readonly Lock _lock = new();
    Task<HealthReport>? _report;
    // The process's own tick count, not an injected TimeProvider: a test that stops the clock must not stop readiness.
    long _validUntil;

    /// <summary>The last report while it is fresh; otherwise one check, shared by every caller that asks meanwhile.</summary>
    public Task<HealthReport> ReportAsync()
    {
        lock (_lock)
        {
            if (_report is null || (_report.IsCompleted && Environment.TickCount64 >= _validUntil))
                _report = CheckAsync();
            return _report;
        }
    }

    async Task<HealthReport> CheckAsync()
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag));
        lock (_lock)
            _validUntil = Environment.TickCount64 + (long)(report.Status == HealthStatus.Unhealthy ? NotReadyFor : ReadyFor).TotalMilliseconds;
        return report;
    }

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/ready", async (Readiness readiness) =>
        {
            var ready = (await readiness.ReportAsync()).Status != HealthStatus.Unhealthy;
            return TypedResults.Text(ready ? "Healthy" : "Unhealthy", statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/health/ready/detail", async Task<IResult> (HttpContext context, Readiness readiness) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
                return TypedResults.NotFound();
            var report = await readiness.ReportAsync();
            context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            await HealthReportWriter.WriteAsync(context, report);
            return TypedResults.Empty;
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
