namespace Kommune20.Contracts.Federation;

/// <summary>The hub applied a newer version of a city's event (moved, changed, or called off); carries the whole record.</summary>
public sealed record CityEventUpdated(RecordOrigin Origin, CityEventRecord Event);
