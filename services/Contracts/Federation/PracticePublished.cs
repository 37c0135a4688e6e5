namespace Kommune20.Contracts.Federation;

/// <summary>The hub applied the first version of a city's practice.</summary>
public sealed record PracticePublished(RecordOrigin Origin, PracticeRecord Practice);
