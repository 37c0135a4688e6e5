namespace Kommune20.Bench.Load;

/// <summary>How hard and how long: concurrent workers (or connections), a warm-up that is not measured, then the measured time.</summary>
public sealed record LoadShape(int Concurrency, TimeSpan Warmup, TimeSpan Duration);
