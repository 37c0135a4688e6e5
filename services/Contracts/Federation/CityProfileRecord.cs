namespace Kommune20.Contracts.Federation;

/// <summary>A city's profile in the shape of the Smart City Atlas portrait.</summary>
public sealed record CityProfileRecord(
    string Organisation,
    IReadOnlyList<CityMilestone> Milestones,
    string? Motivation,
    string? Stakeholders,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> CompetitionsAndFunding,
    Visibility Visibility);

public sealed record CityMilestone(string When, string What);
