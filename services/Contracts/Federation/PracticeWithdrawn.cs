namespace Kommune20.Contracts.Federation;

/// <summary>The city withdrew its practice (a tombstone, or gone in a full re-sync); it leaves every public view.</summary>
public sealed record PracticeWithdrawn(RecordOrigin Origin);
