namespace Kommune20.Meetings.Assemblies;

/// <summary>
/// An assembly's minutes (Protokoll): generated from what was recorded, approved by the chair and the minute-taker, then
/// final and published to the members. Final minutes never change.
/// </summary>
public sealed class Minutes
{
    public Guid AssemblyId { get; init; }
    public required string Markdown { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public string? ApprovedByChair { get; set; }
    public string? ApprovedByMinuteTaker { get; set; }
    public DateTimeOffset? FinalAt { get; set; }
}
