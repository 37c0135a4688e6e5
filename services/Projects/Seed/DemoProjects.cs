using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Projects;
using Kommune20.Projects.Acceptance;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Kommune20.Projects.Updates;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Seed;

/// <summary>
/// Registered only with <c>Seed:DemoData=true</c>: the demo's pilot projects (Seed/projects.json) with their history,
/// milestones, acceptance figures and updates, unless the service holds a project already. Days count from today.
/// </summary>
public sealed class DemoProjects(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoProjects> logger) : BackgroundService
{
    public sealed record SeedFile(List<SeedProject> Projects);
    public sealed record SeedProject(string Key, string Title, string FieldOfAction, string Goal, string Hypothesis, SeedLead Lead,
        List<SeedMember> Participants, List<PartnerInput> Partners, int StartsInDays, int EndsInDays, string? FundingProgramme,
        List<SeedPhase> Phases, List<SeedMilestone> Milestones, List<SeedMeasurement> Acceptance, List<SeedUpdate> Updates);
    public sealed record SeedLead(Guid MemberId, string Name, Guid PersonId, string PersonName);
    public sealed record SeedMember(Guid MemberId, string Name);
    public sealed record SeedPhase(ProjectPhase To, int InDays, string By);
    public sealed record SeedMilestone(string Title, int DueInDays, int? ReachedInDays);
    public sealed record SeedMeasurement(string Title, string Kind, int InDays, List<string> AudienceGroups, int Respondents, List<ApprovalInput> Questions);
    public sealed record SeedUpdate(string Title, string Text, int InDays);

    public static SeedFile Read() => JsonSerializer.Deserialize<SeedFile>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "projects.json")), Json.Options)
        ?? throw new InvalidDataException("Seed/projects.json is empty.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDb>();
        if (await db.Projects.AnyAsync(stoppingToken))
            return;
        var now = clock.GetUtcNow();
        var today = clock.Today();
        foreach (var seed in Read().Projects)
        {
            var (project, measurements, updates) = Build(seed, now, today);
            db.Projects.Add(project);
            db.Measurements.AddRange(measurements);
            db.Updates.AddRange(updates);
        }
        await db.SaveChangesAsync(stoppingToken);
        logger.LogInformation("Added the demo's pilot projects");
    }

    /// <summary>The project as the seed describes it, days counted from <paramref name="today"/>; each measurement checked as the API would.</summary>
    public static (PilotProject Project, List<AcceptanceMeasurement> Measurements, List<ProjectUpdate> Updates) Build(SeedProject seed,
        DateTimeOffset now, DateOnly today)
    {
        DateTimeOffset At(int days) => now.AddDays(days);
        var project = new PilotProject
        {
            Id = Guid.NewGuid(), Key = seed.Key, Title = seed.Title, FieldOfAction = seed.FieldOfAction, Goal = seed.Goal, Hypothesis = seed.Hypothesis,
            LeadMemberId = seed.Lead.MemberId, StartsOn = today.AddDays(seed.StartsInDays), EndsOn = today.AddDays(seed.EndsInDays),
            FundingProgramme = seed.FundingProgramme, Phase = ProjectPhase.Proposed, ProposedAt = At(seed.StartsInDays - 60),
        };
        project.Participants.AddRange(seed.Participants.Prepend(new SeedMember(seed.Lead.MemberId, seed.Lead.Name))
            .Select(m => new ProjectParticipant { ProjectId = project.Id, MemberId = m.MemberId, Name = m.Name }));
        project.Partners.AddRange(seed.Partners.Select(p => new ProjectPartner
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Name = p.Name!, Role = p.Role!, MemberId = p.MemberId,
        }));
        project.PhaseChanges.Add(new PhaseChange
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, From = ProjectPhase.Proposed, To = ProjectPhase.Proposed, ByPersonId = seed.Lead.PersonId,
            ByName = seed.Lead.PersonName, At = project.ProposedAt,
        });
        foreach (var phase in seed.Phases)
        {
            project.PhaseChanges.Add(new PhaseChange
            {
                Id = Guid.NewGuid(), ProjectId = project.Id, From = project.Phase, To = phase.To, ByName = phase.By, At = At(phase.InDays),
            });
            project.Phase = phase.To;
        }
        project.Milestones.AddRange(seed.Milestones.Select(m => new Milestone
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Title = m.Title, DueOn = today.AddDays(m.DueInDays),
            ReachedOn = m.ReachedInDays is { } reached ? today.AddDays(reached) : null,
        }));
        var measurements = seed.Acceptance.Select(m => Measurement(project, seed.Lead.PersonId, m, today, At(m.InDays))).ToList();
        var updates = seed.Updates.Select(u =>
        {
            var origin = new RecordOrigin(seed.Lead.MemberId, ProjectUpdate.PortalOrigin + Guid.NewGuid(), 1, At(u.InDays));
            var update = ProjectUpdate.From(origin, UpdateSource.Portal, seed.Lead.PersonName, At(u.InDays));
            update.Apply(origin, new ProjectUpdateRecord(seed.Key, u.Title, u.Text, today.AddDays(u.InDays), Visibility.Public));
            update.ProjectId = project.Id;
            return update;
        }).ToList();
        return (project, measurements, updates);
    }

    static AcceptanceMeasurement Measurement(PilotProject project, Guid recordedBy, SeedMeasurement seed, DateOnly today, DateTimeOffset recordedAt)
    {
        var input = new MeasurementInput(seed.Title, seed.Kind, today.AddDays(seed.InDays), seed.AudienceGroups, seed.Respondents, seed.Questions);
        var errors = MeasurementRules.Validate(input, today);
        if (errors.Count > 0)
            throw new InvalidDataException($"Seed/projects.json, {project.Key}, {seed.Title}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        return new AcceptanceMeasurement
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Title = seed.Title, Kind = MeasurementRules.Kinds[seed.Kind], HeldOn = input.HeldOn!.Value,
            AudienceGroups = seed.AudienceGroups.Select(g => MeasurementRules.Groups[g]).ToList(), Respondents = seed.Respondents,
            Questions = seed.Questions.Select(q => new ApprovalFigure(q.Question!, q.Answered!.Value, q.Approving!.Value)).ToList(),
            RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
    }
}
