using System.Globalization;
using Kommune20.Bench.InProcess;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Search over 10,000 and 100,000 generated practices, one query at a time: through the gateway, at the library
/// directly, and against the bare engine (Lucene with the library's analyzer and query parser) on a copy of the same
/// index; the library's own search code in this process shows what its facets and snippets add to the engine.
/// </summary>
public sealed class LibrarySearchScenario : IScenario
{
    const string Bench = "bench";
    const double RatioLimit = 1.5;
    const double P99LimitMs = 20;
    static readonly TimeSpan LongestIndexing = TimeSpan.FromMinutes(20);

    public string Id => "library-search";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var processes = new Dictionary<string, int> { ["library"] = hub.Process("library").Id, ["gateway"] = hub.Process("gateway").Id };
        var libraryData = Path.Combine(hub.DataDirectory, "library");
        var copyData = Path.Combine(hub.DataDirectory, "library-search-copy");

        var measurements = new List<Measurement>();
        var checks = new List<Check>();
        var notes = new List<string>();
        Func<Task>? largestGatewayLoad = null;
        foreach (var size in context.Settings.SearchSizes)
        {
            var loaded = context.Library.Size;
            if (await context.Library.FillToAsync(size, LongestIndexing, cancellationToken) is { } took)
                notes.Add($"{size:N0} practices: {size - loaded:N0} loaded in {took.Loading.TotalSeconds:0.0} s, indexed {took.Indexing.TotalSeconds:0.0} s later.");
            else
                notes.Add($"{size:N0} practices: held already, loaded by a scenario before.");
            Console.WriteLine($"    {notes[^1]}");
            await context.SettleAsync(cancellationToken);

            using var snapshot = IndexSnapshot.Copy(libraryData, copyData);
            var matches = GeneratedPractices.Queries.ToDictionary(text => text, snapshot.SearchBare);
            if (matches.Where(match => match.Value == 0).Select(match => match.Key).ToList() is [_, ..] unmatched)
                throw new InvalidOperationException($"{string.Join(", ", unmatched)}: no match in the generated practices; the measurement would time empty searches.");
            var label = size.ToString("N0", CultureInfo.InvariantCulture);
            var largest = size == context.Settings.SearchSizes[^1];
            Task<LoadResult> ThroughGateway() => QueryRotation.RunHttpAsync(hub.Gateway, context.Settings.Saturating, cancellationToken);
            var pairs = await AlternatingPairs.RunAsync(context.Settings.Pairs,
                async pair => (Direct: await MeasureAsync($"library directly, {label} (pair {pair + 1})", processes, ["library"],
                        () => QueryRotation.RunHttpAsync(hub.Library, context.Settings.Sequential, cancellationToken), cancellationToken),
                    Gateway: await MeasureAsync($"through the gateway, {label} (pair {pair + 1})", processes, ["library", "gateway"],
                        () => QueryRotation.RunHttpAsync(hub.Gateway, context.Settings.Sequential, cancellationToken), cancellationToken),
                    Concurrent: largest
                        ? await MeasureAsync($"through the gateway, {context.Settings.Connections} clients, {label} (pair {pair + 1})", processes, ["library", "gateway"], ThroughGateway, cancellationToken)
                        : null),
                async pair => (Bare: await MeasureAsync($"bare engine, {label} (pair {pair + 1})", processes, [Bench],
                        () => QueryRotation.RunInProcessAsync(context.Settings.Sequential, text => snapshot.SearchBare(text), cancellationToken), cancellationToken),
                    InProcess: await MeasureAsync($"library search code in-process, {label} (pair {pair + 1})", processes, [Bench],
                        () => QueryRotation.RunInProcessAsync(context.Settings.Sequential, text => snapshot.SearchLibrary(text), cancellationToken), cancellationToken)));
            largestGatewayLoad = ThroughGateway;
            measurements.AddRange(pairs.SelectMany(p => new[] { p.Baseline.Bare, p.Baseline.InProcess, p.Subject.Direct, p.Subject.Gateway, p.Subject.Concurrent }.OfType<Measurement>()));
            notes.Add($"{label}: the index copy holds {snapshot.Documents:N0} documents (the library's demo practices included); a query matches "
                + $"{matches.Values.Min():N0} to {matches.Values.Max():N0} of them (median {Percentiles.Of(matches.Values.Select(count => (double)count).ToList()).P50:N0}), and the library counts facets over every match.");

            var errors = pairs.Sum(p => p.Subject.Gateway.Errors + p.Baseline.Bare.Errors);
            checks.Add(Check.OfPairs($"p50 through the gateway / bare engine, {label} practices",
                [.. pairs.Select(p => Check.Ratio(p.Subject.Gateway.Latency!.P50, p.Baseline.Bare.Latency!.P50))], "x", GoalDirection.Under, RatioLimit, errors));
            if (largest)
                checks.Add(Check.OfRuns($"p99 through the gateway, {context.Settings.Connections} clients, {label} practices", [.. pairs.Select(p => p.Subject.Concurrent!.Latency!.P99)], "ms",
                    GoalDirection.Under, P99LimitMs, pairs.Sum(p => p.Subject.Concurrent!.Errors)));
        }

        var profile = await context.ProfileIfMissedAsync(Id, checks, processes, () => largestGatewayLoad!(), cancellationToken);
        return new ScenarioResult(Id, "Library search", "the bare engine (Lucene, the library's analyzer and query parser) on a copy of the same index")
        {
            Measurements = measurements,
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"Generated practices (`GeneratedPractices`: the fields of action and wording of the association's documents) loaded through `POST /api/library/office/practices`; one query at a time, rotating through {GeneratedPractices.Queries.Count} queries such as \"{GeneratedPractices.Queries[0]}\" and \"{GeneratedPractices.Queries[2]}\", as a visitor (public practices), first page of 20.",
                $"At each size, in turns, {context.Settings.Pairs} pair(s): the library directly, through the gateway (one client at a time, and at the largest size also {context.Settings.Connections} clients at once, whose p99 the goal is about), the bare engine, the library's search code in-process. The ratio's goal is the median of the pairs' ratios, the p99's the median of the gateway's runs; where they spread wider than the median lies from the goal the verdict is inconclusive, and a failed search misses it.",
                "Bare engine: the query parsed by the library's `TextQuery` with its `PracticeAnalyzer`, top 20 by relevance, their stored documents read, on a copy of the library's last index commit in the bench process. Library search code in-process: the library's `PracticeSearch` on the same copy (adds facet counts over all matches, highlighted snippets and cards). Directly and through the gateway: `GET /api/library/practices?q=…` over HTTP/1.1 with keep-alive. Server CPU per search: the bench process's for the bare engine and the search code in-process (the loop that calls them included), the library's directly, the library's and the gateway's through the gateway.",
                .. notes,
            ],
        };
    }

    /// <summary>Measures one load of searches with the CPU of the bench process and of <paramref name="processes"/>, the <paramref name="servers"/> counted as serving it.</summary>
    internal static async Task<Measurement> MeasureAsync(string label, IReadOnlyDictionary<string, int> processes, IReadOnlyCollection<string> servers,
        Func<Task<LoadResult>> run, CancellationToken cancellationToken)
    {
        var meter = new CpuMeter().Watch(Bench, Environment.ProcessId);
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        var (load, cpu) = await meter.MeasureAsync(run, cancellationToken);
        var measured = Measurement.Of(label, load, "searches/s", cpu).WithServerCpu(servers);
        Console.WriteLine($"    {label}: {Figures.Format(load.Throughput)} searches/s, server CPU {Figures.Format(measured.ServerCpuMs ?? double.NaN)} ms/search, "
            + $"p50 {Figures.Format(load.Latency.P50)} ms, p99 {Figures.Format(load.Latency.P99)} ms, {load.Errors} errors");
        return measured;
    }
}
