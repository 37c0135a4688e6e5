using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// Runs the daily and the weekly digests at start and every five minutes: a run writes only what is due in the present
/// period (<see cref="DigestPeriods"/>), so the checks between, a restart and a second instance send nothing twice.
/// </summary>
public sealed class DigestSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DigestSchedule> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            foreach (var frequency in Enum.GetValues<DigestFrequency>())
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DigestRun>()
                        .RunAsync(frequency, DigestPeriods.LastStart(frequency, clock.GetUtcNow()), stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The {Frequency} digests could not be written; trying again in five minutes", frequency);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
