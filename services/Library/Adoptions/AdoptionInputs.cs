using Kommune20.Contracts.Library;

namespace Kommune20.Library.Adoptions;

/// <summary>A member's declaration as it arrives; every field optional here so that validation can name what is missing.</summary>
public sealed record DeclareAdoption(AdoptionStage? Stage, string? Changes, DateOnly? Since, List<OutcomeInput>? Outcomes);

public sealed record OutcomeInput(decimal? Value, string? Label);

/// <summary>A member's wish to adopt a practice, with the statement it came from.</summary>
public sealed record RecordInterest(string? Statement, string? Source);
