namespace Kommune20.Bench;

/// <summary>How long each load runs and how often starts repeat: quick (under three minutes in all) or full.</summary>
public sealed record BenchSettings(string Mode, TimeSpan Warmup, TimeSpan Duration, int ColdStarts, int Connections)
{
    public static readonly BenchSettings Quick = new("quick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), ColdStarts: 2, Connections: 16);
    public static readonly BenchSettings Full = new("full", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), ColdStarts: 10, Connections: 16);

    public Load.LoadShape Saturating => new(Connections, Warmup, Duration);

    /// <summary>One request at a time: the latency a single caller sees, without queueing behind others.</summary>
    public Load.LoadShape Sequential => new(1, Warmup, Duration);
}
