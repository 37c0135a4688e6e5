using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// Work a service must finish before it serves anything, but not before it listens: migrating its database, registering
/// its clients, seeding the demo. Registered with <see cref="StartupWorkExtensions.AddStartupWork{TWork}"/> and run in
/// registration order once the host has started, so the process answers <c>/health/live</c> at once and its JIT and
/// connection work overlaps the listening.
/// </summary>
public interface IStartupWork
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Open once every <see cref="IStartupWork"/> has run. Until then <c>/health/ready</c> answers 503 (the check
/// <c>startup</c>) and every other request waits for it, so nothing is served from a database that is not ready.
/// </summary>
public sealed class StartupGate
{
    readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public bool IsOpen => _done.Task.IsCompletedSuccessfully;

    internal void Open() => _done.TrySetResult();

    internal void Fail(Exception exception) => _done.TrySetException(exception);
}

public static class StartupWorkExtensions
{
    public static IServiceCollection AddStartupWork<TWork>(this IServiceCollection services) where TWork : class, IStartupWork =>
        services.AddSingleton<IStartupWork, TWork>();

    /// <summary>The gate, its runner and its readiness check; once, whoever asks first (service defaults, messaging).</summary>
    public static IServiceCollection AddStartupGate(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(StartupGate)))
            return services;
        services.AddSingleton<StartupGate>();
        services.AddHostedService<StartupWorkRunner>();
        services.AddHealthChecks().AddCheck<StartupCheck>("startup", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return services;
    }

    /// <summary>Holds every request but the health endpoints until the startup work is done (at once in a service without any).</summary>
    internal static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<StartupGate>();
        return app.Use(async (context, next) =>
        {
            if (!gate.IsOpen && !context.Request.Path.StartsWithSegments("/health"))
                await gate.Done.WaitAsync(context.RequestAborted);
            await next(context);
        });
    }
}

/// <summary>
/// Runs the startup work after the host's start returned (a <see cref="BackgroundService"/> runs beside it). A failure
/// fails the gate and, as the exception leaves the service, stops the host: a service whose database cannot be
/// migrated ends as it did when the work ran before listening.
/// </summary>
internal sealed class StartupWorkRunner(IEnumerable<IStartupWork> work, StartupGate gate) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var step in work)
                await step.RunAsync(stoppingToken);
            gate.Open();
        }
        catch (Exception exception)
        {
            gate.Fail(exception);
            throw;
        }
    }
}

internal sealed class StartupCheck(StartupGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gate.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The startup work has not finished."));
}
