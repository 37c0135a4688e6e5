namespace Kommune20.Contracts.Federation;

/// <summary>The hub applied a new version of a city's profile.</summary>
public sealed record CityProfileUpdated(RecordOrigin Origin, CityProfileRecord Profile);
