namespace Kommune20.Contracts.Federation;

/// <summary>The city withdrew its event (a tombstone, or gone in a full re-sync); it leaves the calendar.</summary>
public sealed record CityEventWithdrawn(RecordOrigin Origin);
