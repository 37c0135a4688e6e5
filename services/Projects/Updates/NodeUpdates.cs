using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Projects;
using Kommune20.Data.Replicas;
using Kommune20.Messaging;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Microsoft.EntityFrameworkCore;
using NodeUpdatePosted = Kommune20.Contracts.Federation.ProjectUpdatePosted;

namespace Kommune20.Projects.Updates;

/// <summary>
/// Applies the updates city nodes post (the federation's <see cref="NodeUpdatePosted"/>): a newer version replaces the one
/// held, a withdrawal hides it. An update from a city that does not take part in the project, or for a project the hub does
/// not know, is quarantined with the reason, never shown, and reported back (<see cref="ProjectUpdateRefused"/>) so the
/// city sees it on its node's federation page.
/// </summary>
public sealed class NodeUpdates(ProjectsDb db, TimeProvider clock, ILogger<NodeUpdates> logger)
{
    public async Task ApplyAsync(RecordOrigin origin, ProjectUpdateRecord record, CancellationToken ct)
    {
        var update = await db.Updates.FindOrAddAsync(origin, NodeUpdate, ct);
        if (!update.ApplyOrIgnore(origin, record, "update", logger))
            return;
        var project = await db.Projects.Include(p => p.Participants).AsNoTracking().FirstOrDefaultAsync(p => p.Key == record.ProjectKey, ct);
        var participant = project?.Participants.FirstOrDefault(p => p.MemberId == origin.OriginMemberId);
        update.ProjectId = project?.Id;
        if (Refusal(project, participant is not null, record) is { } refusal)
        {
            update.QuarantineReason = refusal.Reason;
            db.AddIntegrationEvent(new ProjectUpdateRefused(origin, record, refusal.Code, "projectKey", refusal.Reason, clock.GetUtcNow()));
        }
        else
        {
            update.QuarantineReason = null;
            update.AuthorName = participant!.Name;
            db.AddIntegrationEvent(new Contracts.Projects.ProjectUpdatePosted(project!.Key, project.Title, update.Id, record.Title, origin.OriginMemberId,
                record.HappenedOn, origin.ChangedAt, record.Text, record.Visibility));
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        var update = await db.Updates.FindOrAddAsync(origin, NodeUpdate, ct);
        var wasShown = update.IsShown;
        var project = update.ProjectId is { } projectId ? await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct) : null;
        // Only what followers were told of is withdrawn for them; a quarantined update was never announced.
        if (update.WithdrawOrIgnore(origin, "update", logger) && wasShown && project is not null)
            db.AddIntegrationEvent(new Contracts.Projects.ProjectUpdateWithdrawn(project.Key, update.Id, origin.OriginMemberId, origin.ChangedAt));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Why the hub quarantines the update (a code as the federation's quarantine has them, and the reason), or null.</summary>
    static (string Code, string Reason)? Refusal(PilotProject? project, bool takesPart, ProjectUpdateRecord record) =>
        project is null ? ("invalid-argument", $"Ein Projekt mit dem Schlüssel „{record.ProjectKey}“ gibt es am Hub nicht.")
        : !takesPart ? ("permission-denied", $"Ihre Stadt nimmt am Projekt „{project.Title}“ nicht teil; Neuigkeiten posten nur die teilnehmenden Städte.")
        : null;

    /// <summary>A node's update has no author until its city is found among the project's participants.</summary>
    ProjectUpdate NodeUpdate(RecordOrigin origin) => ProjectUpdate.From(origin, UpdateSource.Node, "", clock.GetUtcNow());
}
