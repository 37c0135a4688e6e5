using Kommune20.Contracts.Federation;

namespace Kommune20.Library.Search;

/// <summary>
/// What a search result shows of a practice; kept in the index, so a page of results needs no database.
/// <see cref="SourceProjectKey"/> names the pilot project a transfer report is about (<c>/projekte/{key}</c>);
/// <see cref="RelayedBy"/> the network whose node published it for the city (null when the city's own node did).
/// </summary>
public sealed record PracticeCard(
    Guid Id,
    string Title,
    string? Summary,
    Guid OriginMemberId,
    string? City,
    string? FederalState,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> SdgTargets,
    int? StartYear,
    int? EndYear,
    string? FundingProgramme,
    Visibility Visibility,
    int VerifiedAdoptions,
    DateTimeOffset ChangedAt,
    string? SourceProjectKey,
    Guid? RelayedBy = null,
    string? RelayedByName = null);
