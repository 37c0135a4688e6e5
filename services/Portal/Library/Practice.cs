using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;

namespace Kommune20.Portal.Library;

/// <summary>A page of search hits with the facets of all matches (<c>GET /api/library/practices</c>).</summary>
public sealed record PracticeSearchResult(IReadOnlyList<PracticeHit> Items, int Page, int PageSize, int Total,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>A hit: the practice's card and a snippet whose matched words the library marked with &lt;mark&gt;.</summary>
public sealed record PracticeHit(PracticeCard Practice, string? Snippet, float? Score);

public sealed record FacetValue(string Value, int Count);

/// <summary>What a list shows of a practice; <see cref="RelayedBy"/> is the network that published it for the city, if one did.</summary>
public sealed record PracticeCard(Guid Id, string Title, string? Summary, Guid OriginMemberId, string? City, string? FederalState,
    IReadOnlyList<string> Topics, IReadOnlyList<string> SdgTargets, int? StartYear, int? EndYear, string? FundingProgramme,
    Visibility Visibility, int VerifiedAdoptions, DateTimeOffset ChangedAt, Guid? RelayedBy = null, string? RelayedByName = null);

/// <summary>
/// Where a practice comes from: the member city, the record's id and version at the city's node, and the network whose
/// node published it for the city (null when the city's own node did).
/// </summary>
public sealed record PracticeOrigin(Guid MemberId, string? Name, string? FederalState, IReadOnlyList<string> Networks,
    string OriginId, long Version, DateTimeOffset ChangedAt, Guid? RelayedBy = null, string? RelayedByName = null);

/// <summary>A practice with everything the library knows about it (<c>GET /api/library/practices/{id}</c>).</summary>
public sealed record PracticeDetails(Guid Id, PracticeOrigin Origin, PracticeRecord Record, PracticeAdoptions Adoptions,
    IReadOnlyList<AdoptionInterest> Interests, IReadOnlyList<PracticeCard> Similar);

public sealed record MemberRef(Guid Id, string? Name);

public sealed record AdoptionOutcome(decimal Value, string Label);

/// <summary>A member's declaration that it adopted (or is adapting) another member's practice; verified once the origin confirmed.</summary>
public sealed record Adoption(Guid Id, Guid PracticeId, string? PracticeTitle, MemberRef Origin, MemberRef Adopter, AdoptionStage Stage,
    string? Changes, DateOnly? Since, IReadOnlyList<AdoptionOutcome> Outcomes, DateTimeOffset DeclaredAt, DateTimeOffset? ConfirmedAt, bool Verified);

public sealed record AdoptionInterest(Guid Id, Guid PracticeId, string? PracticeTitle, MemberRef Member, string Statement, string? Source, DateTimeOffset RecordedAt);

public sealed record PracticeAdoptions(int Verified, int Declared, IReadOnlyList<Adoption> Items);

/// <summary>What a member adopted, what others adopted from it, and which practices it wants to adopt.</summary>
public sealed record MemberAdoptions(MemberRef Member, IReadOnlyList<Adoption> Adopted, IReadOnlyList<Adoption> AdoptedFromIt,
    IReadOnlyList<AdoptionInterest> Interests);

/// <summary>A declaration as the adopting city's editor writes it.</summary>
public sealed record DeclareAdoption(AdoptionStage? Stage, string? Changes, DateOnly? Since, IReadOnlyList<OutcomeInput>? Outcomes);

public sealed record OutcomeInput(decimal? Value, string? Label);

/// <summary>A member city's portrait as its node published it (<c>GET /api/library/members/{id}/portrait</c>): the profile and its version.</summary>
public sealed record CityPortrait(Guid MemberId, string OriginId, long Version, DateTimeOffset ChangedAt, CityProfileRecord Profile);
