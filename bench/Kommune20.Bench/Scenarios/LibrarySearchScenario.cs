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
            var bare = await MeasureAsync($"bare engine, {label}", processes,
                () => QueryRotation.RunInProcessAsync(context.Settings.Sequential, text => snapshot.SearchBare(text), cancellationToken), cancellationToken);
            var inProcess = await MeasureAsync($"library search code in-process, {label}", processes,
                () => QueryRotation.RunInProcessAsync(context.Settings.Sequential, text => snapshot.SearchLibrary(text), cancellationToken), cancellationToken);
            var direct = await MeasureAsync($"library directly, {label}", processes,
                () => QueryRotation.RunHttpAsync(hub.Library, context.Settings.Sequential, cancellationToken), cancellationToken);
            Task<LoadResult> ThroughGateway() => QueryRotation.RunHttpAsync(hub.Gateway, context.Settings.Sequential, cancellationToken);
            var gateway = await MeasureAsync($"through the gateway, {label}", processes, ThroughGateway, cancellationToken);
            largestGatewayLoad = ThroughGateway;
            measurements.AddRange([bare, inProcess, direct, gateway]);
            notes.Add($"{label}: the index copy holds {snapshot.Documents:N0} documents (the library's demo practices included); a query matches "
                + $"{matches.Values.Min():N0} to {matches.Values.Max():N0} of them (median {Percentiles.Of(matches.Values.Select(count => (double)count).ToList()).P50:N0}), and the library counts facets over every match.");

            checks.Add(new Check($"p50 through the gateway / bare engine, {label} practices", Check.Ratio(gateway.Latency!.P50, bare.Latency!.P50), "x", GoalDirection.Under, RatioLimit));
            if (size == context.Settings.SearchSizes[^1])
                checks.Add(new Check($"p99 through the gateway, {label} practices", gateway.Latency.P99, "ms", GoalDirection.Under, P99LimitMs));
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
                "Bare engine: the query parsed by the library's `TextQuery` with its `PracticeAnalyzer`, top 20 by relevance, their stored documents read, on a copy of the library's last index commit in the bench process. Library search code in-process: the library's `PracticeSearch` on the same copy (adds facet counts over all matches, highlighted snippets and cards). Directly and through the gateway: `GET /api/library/practices?q=…` over HTTP/1.1 with keep-alive.",
                .. notes,
            ],
        };
    }

    static async Task<Measurement> MeasureAsync(string label, IReadOnlyDictionary<string, int> processes, Func<Task<LoadResult>> run,
        CancellationToken cancellationToken)
    {
        var meter = new CpuMeter().Watch("bench", Environment.ProcessId);
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        var (load, cpu) = await meter.MeasureAsync(run, cancellationToken);
        Console.WriteLine($"    {label}: {Figures.Format(load.Throughput)} searches/s, p50 {Figures.Format(load.Latency.P50)} ms, p99 {Figures.Format(load.Latency.P99)} ms, {load.Errors} errors");
        return Measurement.Of(label, load, "searches/s", cpu);
    }
}
