using System.Diagnostics;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Report;
using Kommune20.Bench.Scenarios;
using Kommune20.Testing;

namespace Kommune20.Bench;

/// <summary>One benchmark run: starts the hub against the given broker, runs the scenarios in turn, writes results and report.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var scenarios = ScenarioCatalog.All.Where(s => options.Only.Count == 0 || options.Only.Contains(s.Id)).ToList();
        if (scenarios.Count == 0)
            throw new ArgumentException("--only names no scenario. Scenarios: " + string.Join(", ", ScenarioCatalog.All.Select(s => s.Id)));
        var broker = options.RabbitMq ?? throw new ArgumentException("No broker: pass --rabbitmq or set K20_BENCH_RABBITMQ (./kommune20 bench starts one).");

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = MachineProbe.Describe();
        IHttpLoad http = WrkLoad.Find() as IHttpLoad ?? new DotnetHttpLoad();
        Console.WriteLine($"Benchmarks ({options.Settings.Mode}): {string.Join(", ", scenarios.Select(s => s.Id))}; HTTP load from {http.Name}");

        await using var hub = await Hub.StartAsync(new HubOptions
        {
            RabbitMq = broker,
            GatewaySettings = new Dictionary<string, string> { ["RateLimiting__PermitLimit"] = "1000000000" },
            // The library search scenario fills the library through the office's bulk load, mapped only where asked for.
            LibrarySettings = new Dictionary<string, string> { ["Library__OfficeBulkLoad"] = "true" },
            // The fan-out scenario's webhook receivers listen on loopback, which only the operator's allow-list opens.
            NotificationsSettings = new Dictionary<string, string> { ["Webhooks__AllowedAddresses__0"] = "127.0.0.1" },
        });
        var context = new BenchContext
        {
            Hub = hub,
            RabbitMq = broker,
            Postgres = options.Postgres,
            Settings = options.Settings,
            Http = http,
            Profiler = CountersProfiler.Find(options.Counters, Path.Combine(BenchOptions.WorkFolder, "profiles")),
        };

        var results = new List<ScenarioResult>();
        var failed = 0;
        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"==> {scenario.Id}");
            var scenarioClock = Stopwatch.StartNew();
            try
            {
                results.Add(await scenario.RunAsync(context, cancellationToken));
                Console.WriteLine($"    ({scenario.Id}: {scenarioClock.Elapsed.TotalSeconds:0} s)");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                Console.Error.WriteLine($"    {scenario.Id} failed: {exception}");
                results.Add(new ScenarioResult(scenario.Id, scenario.Id, "–") { Notes = [$"The scenario failed: {exception.GetType().Name}: {exception.Message}"] });
            }
        }

        machine = machine with { LoadAverageAfter = MachineProbe.LoadAverage() };
        var run = new RunResults(startedAt, options.Settings.Mode, machine)
        {
            Elapsed = clock.Elapsed,
            Scenarios = results,
            Caveats = Caveats(machine, context.Profiler is null, options.Settings),
        };
        var resultsPath = ReportWriter.WriteResults(run, options.ResultsFolder);
        ReportWriter.WriteReport(run, resultsPath, options.ReportPath, BenchOptions.FindingsFolder);
        Console.WriteLine($"Results: {Path.GetRelativePath(RepoPaths.Root, resultsPath)}; report: {Path.GetRelativePath(RepoPaths.Root, options.ReportPath)}");
        foreach (var check in results.SelectMany(result => result.Checks.Select(check => (result.Id, check))))
            Console.WriteLine($"    {check.check.Verdict switch { Verdict.Met => "met         ", Verdict.Inconclusive => "INCONCLUSIVE", _ => "MISSED      " }} {check.Id}: {check.check.Name} {check.check.Measured} (goal {check.check.Goal})");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Regenerates the report from a results file, without measuring.</summary>
    public static int Report(BenchOptions options)
    {
        var path = Path.GetFullPath(options.ReportFrom!);
        var run = ResultsFile.Deserialize(File.ReadAllText(path));
        var target = run.Mode == "full" ? Path.Combine(RepoPaths.Root, "docs", "BENCHMARKS.md") : Path.Combine(BenchOptions.WorkFolder, "BENCHMARKS.md");
        ReportWriter.WriteReport(run, path, target, BenchOptions.FindingsFolder);
        Console.WriteLine($"Report: {Path.GetRelativePath(RepoPaths.Root, target)}");
        return 0;
    }

    static List<string> Caveats(Machine machine, bool withoutProfiler, BenchSettings settings)
    {
        var caveats = new List<string>
        {
            $"A shared {machine.Cores}-core machine: other engineers build on it while benchmarks run, and the services, the load generator and the broker compete for the same cores. "
            + "Absolute figures are noise; read the ratios against the baseline of the same run, and the load average before and after.",
        };
        var busiest = Math.Max(machine.LoadAverageBefore, machine.LoadAverageAfter);
        if (busiest > machine.Cores)
        {
            caveats.Add($"The machine was busy during this run: a load average of {Figures.Format(machine.LoadAverageBefore)} before and "
                + $"{Figures.Format(machine.LoadAverageAfter)} after, on {machine.Cores} cores. Expect disturbed figures, above all in latency tails.");
        }
        if (settings == BenchSettings.Quick)
            caveats.Add("A quick run: short loads, few starts, no profiles. Only a full run (./kommune20 bench) is fit for comparison.");
        else if (withoutProfiler)
            caveats.Add("dotnet-counters was not found, so missed goals carry no profile (./kommune20 bench installs it under .kommune20/tools).");
        return caveats;
    }
}
