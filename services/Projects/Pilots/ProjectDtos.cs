using Kommune20.Contracts.Projects;
using Kommune20.Projects.Acceptance;
using Kommune20.Projects.Transfer;
using Kommune20.Projects.Updates;

namespace Kommune20.Projects.Pilots;

public sealed record ProjectSummary(string Key, string Title, string FieldOfAction, Guid LeadMemberId, string LeadName, ProjectPhase Phase,
    DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Partners);

public sealed record ProjectDetail(string Key, string Title, string FieldOfAction, string Goal, string Hypothesis, Guid LeadMemberId,
    ProjectPhase Phase, IReadOnlyList<ProjectPhase> NextPhases, DateOnly StartsOn, DateOnly EndsOn, bool IsOverrun, decimal? BudgetEuros,
    string? FundingProgramme, IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<PartnerDto> Partners,
    IReadOnlyList<PhaseChangeDto> History, IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<UpdateDto> Updates, int UpdateCount,
    IReadOnlyList<MeasurementDto> Acceptance, TransferReportDto? TransferReport, DateTimeOffset ProposedAt)
{
    /// <summary>The detail carries the newest updates; all of them are paged at <c>/api/projects/{key}/updates</c>.</summary>
    public const int LatestUpdates = 20;

    public static ProjectDetail From(PilotProject project, DateOnly today, IReadOnlyList<ProjectUpdate> updates, int updateCount,
        IReadOnlyList<AcceptanceMeasurement> acceptance, TransferReport? transferReport) => new(
        project.Key, project.Title, project.FieldOfAction, project.Goal, project.Hypothesis, project.LeadMemberId, project.Phase,
        PhaseRules.Next(project.Phase), project.StartsOn, project.EndsOn, PhaseRules.IsOverrun(project, today), project.BudgetEuros,
        project.FundingProgramme,
        project.Participants.OrderByDescending(p => p.MemberId == project.LeadMemberId).ThenBy(p => p.Name)
            .Select(p => new ParticipantDto(p.MemberId, p.Name, p.MemberId == project.LeadMemberId)).ToList(),
        project.Partners.OrderBy(p => p.Name).Select(p => new PartnerDto(p.Name, p.Role, p.MemberId)).ToList(),
        project.PhaseChanges.OrderBy(c => c.At).Select(PhaseChangeDto.Of).ToList(),
        project.Milestones.OrderBy(m => m.DueOn).Select(m => MilestoneDto.From(m, today)).ToList(),
        updates.Select(UpdateDto.From).ToList(),
        updateCount,
        acceptance.Select(MeasurementDto.From).ToList(),
        transferReport is null ? null : TransferReportDto.From(transferReport),
        project.ProposedAt);
}

public sealed record ParticipantDto(Guid MemberId, string Name, bool IsLead);

public sealed record PartnerDto(string Name, string Role, Guid? MemberId);

public sealed record PhaseChangeDto(ProjectPhase From, ProjectPhase To, DateOnly? PreviousEnd, DateOnly? NewEnd, string? Reason, string ByName,
    DateTimeOffset At)
{
    public static PhaseChangeDto Of(PhaseChange change) =>
        new(change.From, change.To, change.PreviousEnd, change.NewEnd, change.Reason, change.ByName, change.At);
}

public sealed record MilestoneDto(Guid Id, string Title, DateOnly DueOn, DateOnly? ReachedOn, bool IsOverdue)
{
    public static MilestoneDto From(Milestone milestone, DateOnly today) =>
        new(milestone.Id, milestone.Title, milestone.DueOn, milestone.ReachedOn, milestone.IsOverdue(today));
}

public sealed record UpdateDto(Guid Id, string Title, string Text, DateOnly? HappenedOn, UpdateSource Source, Guid AuthorMemberId, string AuthorName,
    DateTimeOffset PostedAt)
{
    public static UpdateDto From(ProjectUpdate update) => new(update.Id, update.Record!.Title, update.Record.Text, update.Record.HappenedOn,
        update.Source, update.OriginMemberId, update.AuthorName, update.PostedAt);
}

public sealed record MeasurementDto(Guid Id, string Title, MeasurementKind Kind, DateOnly HeldOn, IReadOnlyList<AudienceGroup> AudienceGroups,
    int Respondents, decimal ApprovalPercent, IReadOnlyList<ApprovalFigureDto> Questions)
{
    public static MeasurementDto From(AcceptanceMeasurement measurement) => new(measurement.Id, measurement.Title, measurement.Kind,
        measurement.HeldOn, measurement.AudienceGroups, measurement.Respondents, measurement.ApprovalPercent,
        measurement.Questions.Select(q => new ApprovalFigureDto(q.Question, q.Answered, q.Approving, q.ApprovalPercent)).ToList());
}

/// <summary>
/// The lead city's transfer report: a practice at its node, found in the library (<c>/api/library/practices?q=…</c>) and at
/// the federation under its origin (<c>/api/federation/practices/{originMemberId}/{originId}</c>).
/// </summary>
public sealed record TransferReportDto(Guid OriginMemberId, string OriginId, string Title, string? Summary, DateTimeOffset PublishedAt)
{
    public static TransferReportDto From(TransferReport report) =>
        new(report.OriginMemberId, report.OriginId, report.Record!.Title, report.Record.Summary, report.AcceptedAt ?? report.ChangedAt);
}

public sealed record ApprovalFigureDto(string Question, int Answered, int Approving, decimal ApprovalPercent);
