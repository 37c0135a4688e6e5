using Kommune20.Testing;

namespace Kommune20.Bench;

/// <summary>
/// The command line: <c>--quick</c>, <c>--only id,id</c> (a subset; the report then goes to bench/work/),
/// <c>--report results.json</c> (only regenerate the report), <c>--rabbitmq uri</c> (default K20_BENCH_RABBITMQ),
/// <c>--counters path</c> (dotnet-counters; default K20_BENCH_COUNTERS), <c>--postgres connection string</c> (a server for the
/// scenarios that also measure on PostgreSQL; default K20_BENCH_POSTGRES).
/// </summary>
public sealed record BenchOptions(BenchSettings Settings, IReadOnlySet<string> Only, string? ReportFrom, string? RabbitMq, string? Counters,
    string? Postgres)
{
    /// <summary>A full run of every scenario: its results and report are the committed ones.</summary>
    public bool Publishes => Settings == BenchSettings.Full && Only.Count == 0;

    public string ResultsFolder => Publishes ? Path.Combine(RepoPaths.Root, "bench", "results") : Path.Combine(WorkFolder, "results");

    public string ReportPath => Publishes ? Path.Combine(RepoPaths.Root, "docs", "BENCHMARKS.md") : Path.Combine(WorkFolder, "BENCHMARKS.md");

    public static string WorkFolder => Path.Combine(RepoPaths.Root, "bench", "work");

    public static string FindingsFolder => Path.Combine(RepoPaths.Root, "bench", "findings");

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(BenchSettings.Full, new HashSet<string>(), null,
            Environment.GetEnvironmentVariable("K20_BENCH_RABBITMQ"), Environment.GetEnvironmentVariable("K20_BENCH_COUNTERS"),
            Environment.GetEnvironmentVariable("K20_BENCH_POSTGRES"));
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Settings = BenchSettings.Quick },
                "--only" => options with { Only = Value(args, ++i).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                "--report" => options with { ReportFrom = Value(args, ++i) },
                "--rabbitmq" => options with { RabbitMq = Value(args, ++i) },
                "--counters" => options with { Counters = Value(args, ++i) },
                "--postgres" => options with { Postgres = Value(args, ++i) },
                var unknown => throw new ArgumentException($"Unknown option {unknown}. Options: --quick, --only id,id, --report results.json, --rabbitmq uri, --counters path, --postgres connection"),
            };
        }
        return options;
    }

    static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");
}
