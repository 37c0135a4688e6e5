namespace Kommune20.Contracts.Federation;

/// <summary>The hub applied a newer version of a city's practice; carries the whole record after the change.</summary>
public sealed record PracticeUpdated(RecordOrigin Origin, PracticeRecord Practice);
