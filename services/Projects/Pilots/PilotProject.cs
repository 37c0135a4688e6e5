using Kommune20.Contracts.Projects;

namespace Kommune20.Projects.Pilots;

/// <summary>
/// A pilot project (Reallabor) that member cities run together for a fixed time: led by one city, with participating
/// members and partner institutions, moving through its phases (<see cref="PhaseRules"/>) until it is completed or stopped.
/// </summary>
public sealed class PilotProject
{
    public Guid Id { get; init; }

    /// <summary>The project's address at the hub (<c>/api/projects/{key}</c>), chosen by the lead city; city nodes name it in their updates.</summary>
    public required string Key { get; init; }
    public required string Title { get; set; }
    public required string FieldOfAction { get; set; }
    public required string Goal { get; set; }
    public required string Hypothesis { get; set; }
    public Guid LeadMemberId { get; init; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public decimal? BudgetEuros { get; set; }
    public string? FundingProgramme { get; set; }
    public ProjectPhase Phase { get; set; }
    public DateTimeOffset ProposedAt { get; init; }

    /// <summary>When <see cref="TransferReportPublished"/> was announced: once per project, for its first transfer report.</summary>
    public DateTimeOffset? TransferReportAnnouncedAt { get; set; }

    /// <summary>Counts every change, so two people changing the project at once do not both win.</summary>
    public int Revision { get; set; }

    public List<ProjectParticipant> Participants { get; init; } = [];
    public List<ProjectPartner> Partners { get; init; } = [];
    public List<PhaseChange> PhaseChanges { get; init; } = [];
    public List<Milestone> Milestones { get; init; } = [];

    public bool TakesPart(Guid memberId) => Participants.Any(p => p.MemberId == memberId);

    public bool IsPartner(Guid memberId) => Partners.Any(p => p.MemberId == memberId);
}

/// <summary>A member taking part; the lead city is one of them.</summary>
public sealed class ProjectParticipant
{
    public Guid ProjectId { get; init; }
    public Guid MemberId { get; init; }
    public required string Name { get; init; }
}

/// <summary>
/// A partner institution (a research institute, a municipal utility, a company); its people may post updates when the
/// register knows it as a member (<see cref="MemberId"/>).
/// </summary>
public sealed class ProjectPartner
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public Guid? MemberId { get; init; }
}

/// <summary>A step in the project's life: who moved it from one phase to another, or extended its end, when and why.</summary>
public sealed class PhaseChange
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public ProjectPhase From { get; init; }
    public ProjectPhase To { get; init; }

    /// <summary>Set for an extension of the time box: the end it had before.</summary>
    public DateOnly? PreviousEnd { get; init; }
    public DateOnly? NewEnd { get; init; }
    public string? Reason { get; init; }
    public Guid? ByPersonId { get; init; }
    public required string ByName { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A milestone with its due date; overdue when the date passed and it was not reached.</summary>
public sealed class Milestone
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ReachedOn { get; set; }

    /// <summary>Set once <see cref="Contracts.Projects.MilestoneDue"/> was announced, so it is announced once.</summary>
    public DateTimeOffset? DueAnnouncedAt { get; set; }

    public bool IsOverdue(DateOnly today) => ReachedOn is null && DueOn < today;
}
