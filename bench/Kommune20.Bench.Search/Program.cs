using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kommune20.Bench.InProcess;
using Kommune20.Bench.Search;

// The library's search against the bare engine in this process (BenchmarkDotNet with its memory diagnoser), on an index of
// generated practices written to a temporary folder first. Arguments: [--quick] [--practices N] [--artifacts DIR].
var quick = args.Contains("--quick");
var practices = int.Parse(Argument("--practices") ?? "100000", CultureInfo.InvariantCulture);
var artifacts = Path.GetFullPath(Argument("--artifacts") ?? Path.Combine("bench", "work", "search"));

var data = Directory.CreateTempSubdirectory("k20-search-bench-").FullName;
try
{
    var writing = Stopwatch.StartNew();
    GeneratedIndex.Write(data, practices);
    Console.WriteLine($"Indexed {practices:N0} generated practices in {writing.Elapsed.TotalSeconds:0} s.");
    using var index = IndexSnapshot.Open(data);
    SearchBenchmarks.Index = index;

    // In process: the benchmarks read the index this process opened, and no second project is generated and built.
    var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "quick" : "full");
    var config = DefaultConfig.Instance
        .AddJob(job)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .WithArtifactsPath(artifacts);
    var summary = BenchmarkRunner.Run<SearchBenchmarks>(config);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success) ? 1 : 0;
}
finally
{
    Directory.Delete(data, recursive: true);
}

string? Argument(string name) => args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();
