namespace Kommune20.Contracts.Federation;

/// <summary>The hub applied the first version of a city's event.</summary>
public sealed record CityEventPublished(RecordOrigin Origin, CityEventRecord Event);
