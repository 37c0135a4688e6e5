using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Projects;
using Kommune20.Data.Replicas;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Transfer;

/// <summary>
/// Follows the practices that name a project (the federation's practice events): a newer version replaces the one held, a
/// withdrawal hides it. A practice that counts as its project's transfer report (<see cref="TransferReportRules"/>) is shown
/// with the project; the project's first one is announced as <see cref="TransferReportPublished"/>. Practices that never named
/// a project are not kept.
/// </summary>
public sealed class TransferReports(ProjectsDb db, TimeProvider clock, ILogger<TransferReports> logger)
{
    /// <summary>Applies published or updated versions in one transaction (a batch of the federation's events).</summary>
    public async Task ApplyManyAsync(IReadOnlyList<(RecordOrigin Origin, PracticeRecord Record)> versions, CancellationToken ct)
    {
        foreach (var (origin, practice) in versions)
            await StageAsync(origin, practice, ct);
        await db.SaveChangesAsync(ct);
    }

    async Task StageAsync(RecordOrigin origin, PracticeRecord practice, CancellationToken ct)
    {
        var report = await db.TransferReports.OfOriginAsync(origin, ct);
        if (report is null)
        {
            if (practice.SourceProjectKey is null)
                return;
            report = db.TransferReports.Add(TransferReport.From(origin)).Entity;
        }
        if (!report.ApplyOrIgnore(origin, practice, "practice", logger))
            return;
        report.ProjectId = null;
        if (practice.SourceProjectKey is { } key)
        {
            var project = await db.Projects.FirstOrDefaultAsync(p => p.Key == key, ct);
            if (TransferReportRules.Refusal(project, origin.OriginMemberId, key) is { } refusal)
                logger.LogInformation("Practice {Origin}/{OriginId} is not the transfer report of {Key}: {Reason}",
                    origin.OriginMemberId, origin.OriginId, key, refusal);
            else
            {
                report.ProjectId = project!.Id;
                report.AcceptedAt ??= clock.GetUtcNow();
                if (project.TransferReportAnnouncedAt is null)
                {
                    project.TransferReportAnnouncedAt = clock.GetUtcNow();
                    project.Revision++;
                    db.AddIntegrationEvent(new TransferReportPublished(project.Key, project.Title, origin, practice.Title, origin.ChangedAt));
                }
            }
        }
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        // Practices that never named a project are not kept, so their withdrawals leave no tombstone either.
        if (await db.TransferReports.OfOriginAsync(origin, ct) is not { } report)
            return;
        report.WithdrawOrIgnore(origin, "practice", logger);
        await db.SaveChangesAsync(ct);
    }
}
