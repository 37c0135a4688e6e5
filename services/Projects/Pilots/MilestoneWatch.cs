using Kommune20.Contracts.Projects;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Pilots;

/// <summary>
/// Announces each milestone that passed its due date unreached (<see cref="MilestoneDue"/>), once: the subscriptions
/// service tells the project's partners. Checks at start and then every hour, since a day turns over in Germany.
/// </summary>
public sealed class MilestoneWatch(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MilestoneWatch> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await AnnounceOverdueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not announce the overdue milestones; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> AnnounceOverdueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        var today = clock.Today();
        var overdue = await db.Milestones.Where(m => m.ReachedOn == null && m.DueOn < today && m.DueAnnouncedAt == null)
            .Join(db.Projects, m => m.ProjectId, p => p.Id, (m, p) => new { Milestone = m, p.Key, p.Title })
            .ToListAsync(ct);
        foreach (var item in overdue)
        {
            item.Milestone.DueAnnouncedAt = clock.GetUtcNow();
            db.AddIntegrationEvent(new MilestoneDue(item.Key, item.Title, item.Milestone.Id, item.Milestone.Title, item.Milestone.DueOn));
        }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}
