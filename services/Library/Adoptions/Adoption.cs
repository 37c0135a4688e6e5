using Kommune20.Contracts.Library;

namespace Kommune20.Library.Adoptions;

/// <summary>
/// A member's declaration that it adopted or is adapting another member's practice, with what it changed and what came
/// of it. Verified only once the origin member confirmed it.
/// </summary>
public sealed class Adoption
{
    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public Guid OriginMemberId { get; set; }
    public Guid AdopterMemberId { get; set; }
    public AdoptionStage Stage { get; set; }
    public string? Changes { get; set; }
    public DateOnly? Since { get; set; }
    public List<AdoptionOutcome> Outcomes { get; set; } = [];
    public DateTimeOffset DeclaredAt { get; set; }
    public string? DeclaredBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    public bool IsVerified => ConfirmedAt is not null;
}

/// <summary>An outcome figure of an adoption, e.g. 7 "Digitallotsen ausgebildet".</summary>
public sealed record AdoptionOutcome(decimal Value, string Label);
