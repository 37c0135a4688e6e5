namespace Kommune20.Meetings.Assemblies;

/// <summary>
/// An assembly's minutes (Protokoll): generated from what was recorded, approved by the chair and the minute-taker, then
/// final and published to the members. Final minutes never change.
/// </summary>
public sealed class Minutes
{
    public Guid AssemblyId { get; init; }
    /// <summary>The record part as the MinutesWriter wrote it; the signatures are written from the approvals below.</summary>
    public required string Markdown { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    /// <summary>The name of who approved as the chair (Versammlungsleitung), with the subject it signed in as and when.</summary>
    public string? ApprovedByChair { get; set; }
    public string? ChairApproverId { get; set; }
    public DateTimeOffset? ChairApprovedAt { get; set; }
    /// <summary>The name of who approved as the minute-taker (Protokollführung); never the same person as the chair's approver.</summary>
    public string? ApprovedByMinuteTaker { get; set; }
    public string? MinuteTakerApproverId { get; set; }
    public DateTimeOffset? MinuteTakerApprovedAt { get; set; }
    public DateTimeOffset? FinalAt { get; set; }
    /// <summary>Counts the changes, so two approvals at the same moment cannot both miss that the minutes became final.</summary>
    public int Version { get; set; }
}
