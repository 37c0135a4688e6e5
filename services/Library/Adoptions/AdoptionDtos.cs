using Kommune20.Contracts.Library;

namespace Kommune20.Library.Adoptions;

/// <summary>A member as the library shows it: its id and, when the Registry told, its name.</summary>
public sealed record MemberRef(Guid Id, string? Name);

public sealed record AdoptionDto(
    Guid Id,
    Guid PracticeId,
    string? PracticeTitle,
    MemberRef Origin,
    MemberRef Adopter,
    AdoptionStage Stage,
    string? Changes,
    DateOnly? Since,
    IReadOnlyList<AdoptionOutcome> Outcomes,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ConfirmedAt,
    bool Verified);

public sealed record AdoptionInterestDto(
    Guid Id,
    Guid PracticeId,
    string? PracticeTitle,
    MemberRef Member,
    string Statement,
    string? Source,
    DateTimeOffset RecordedAt);

/// <summary>A practice's adoptions: how many are verified, and each declaration with its state.</summary>
public sealed record PracticeAdoptions(int Verified, int Declared, IReadOnlyList<AdoptionDto> Items);

/// <summary>What a member adopted, what others adopted from it, and which practices it wants to adopt.</summary>
public sealed record MemberAdoptions(MemberRef Member, IReadOnlyList<AdoptionDto> Adopted, IReadOnlyList<AdoptionDto> AdoptedFromIt,
    IReadOnlyList<AdoptionInterestDto> Interests);
