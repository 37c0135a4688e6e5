namespace Kommune20.Registry.Members;

/// <summary>A member as the office writes it. Every field is optional here so that validation can name what is missing.</summary>
public sealed record MemberInput(
    MemberKind? Kind,
    string? Name,
    string? Ags,
    string? FederalState,
    string? Website,
    DateOnly? MemberSince,
    MemberStatus? Status,
    bool? HasVotingRight);
