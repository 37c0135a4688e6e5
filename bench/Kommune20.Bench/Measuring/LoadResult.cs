namespace Kommune20.Bench.Measuring;

/// <summary>What one measured load run did: operations completed, failures, how long, and the latency of each operation.</summary>
public sealed record LoadResult(long Operations, long Errors, double Seconds, Percentiles Latency)
{
    public double Throughput => Seconds > 0 ? Operations / Seconds : 0;
}
