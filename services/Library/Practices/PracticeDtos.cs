using Kommune20.Contracts.Federation;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Search;

namespace Kommune20.Library.Practices;

/// <summary>
/// Where a practice comes from: the member city (as the Registry knows it) and the record's id and version there, and
/// the network whose node published it for the city (null when the city's own node did).
/// </summary>
public sealed record PracticeOrigin(Guid MemberId, string? Name, string? FederalState, IReadOnlyList<string> Networks,
    string OriginId, long Version, DateTimeOffset ChangedAt, Guid? RelayedBy, string? RelayedByName);

/// <summary>A practice with everything the library knows about it.</summary>
public sealed record PracticeDetails(Guid Id, PracticeOrigin Origin, PracticeRecord Record, PracticeAdoptions Adoptions,
    IReadOnlyList<AdoptionInterestDto> Interests, IReadOnlyList<PracticeCard> Similar);
