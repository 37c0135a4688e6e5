namespace Kommune20.Contracts.Federation;

/// <summary>The city withdrew a pilot-project update (a tombstone, or gone in a full re-sync).</summary>
public sealed record ProjectUpdateWithdrawn(RecordOrigin Origin);
