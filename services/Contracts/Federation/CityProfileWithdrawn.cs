namespace Kommune20.Contracts.Federation;

/// <summary>The city withdrew its profile (a tombstone, or gone in a full re-sync); it leaves every public view.</summary>
public sealed record CityProfileWithdrawn(RecordOrigin Origin);
