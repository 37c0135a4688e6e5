using System.Globalization;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// The library if every German municipality published a hundred practices: 1,000,000 generated practices (in a full
/// run), searched through the gateway by many clients at once. It comes last, so that the scenarios that read the library
/// at 100,000 practices (a practice's details, the catalogue) keep that size.
/// </summary>
public sealed class LibraryAtScaleScenario : IScenario
{
    const double P99LimitMs = 50;
    static readonly TimeSpan LongestIndexing = TimeSpan.FromMinutes(45);

    public string Id => "library-million";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var settings = context.Settings;
        var loaded = context.Library.Size;
        var took = await context.Library.FillToAsync(settings.LargestLibrary, LongestIndexing, cancellationToken);
        var filled = took is { } load
            ? $"{settings.LargestLibrary - loaded:N0} practices loaded in {load.Loading.TotalSeconds:0} s ({(settings.LargestLibrary - loaded) / load.Loading.TotalSeconds:N0} a second), indexed {load.Indexing.TotalSeconds:0} s later."
            : "The library held them already.";
        Console.WriteLine($"    {filled}");
        await context.SettleAsync(cancellationToken);
        var libraryHolds = await PublicLibrary.PracticesAsync(hub.Gateway, cancellationToken);

        var processes = new Dictionary<string, int> { ["library"] = hub.Process("library").Id, ["gateway"] = hub.Process("gateway").Id };
        var label = settings.LargestLibrary.ToString("N0", CultureInfo.InvariantCulture);
        Task<LoadResult> ThroughGateway() => QueryRotation.RunHttpAsync(hub.Gateway, settings.Saturating, cancellationToken);
        var runs = new List<Measurement>();
        for (var run = 0; run < settings.Pairs; run++)
            runs.Add(await LibrarySearchScenario.MeasureAsync($"through the gateway, {settings.Connections} clients, {label} (run {run + 1})",
                processes, ["library", "gateway"], ThroughGateway, cancellationToken));

        IReadOnlyList<Check> checks =
        [
            Check.OfRuns($"p99 through the gateway, {settings.Connections} clients, {label} practices", [.. runs.Select(r => r.Latency!.P99)], "ms",
                GoalDirection.Under, P99LimitMs, runs.Sum(r => r.Errors)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes, ThroughGateway, cancellationToken);
        return new ScenarioResult(Id, $"Library search at {label} practices", "none (the goal is absolute)")
        {
            Measurements = runs,
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"The generated practices of the library search, filled up to {label} through `POST /api/library/office/practices` (5,000 per call). {filled}",
                $"A visitor sees {libraryHolds:N0} public practices (every tenth generated one is for networks only).",
                $"{settings.Pairs} run(s) of {settings.Connections} clients at once, each searching again as soon as it has its answer, rotating through the {GeneratedPractices.Queries.Count} queries of the library search; the goal is the median p99 of the runs, inconclusive where they spread wider than it lies from the goal, and a failed search misses it. Server CPU per search: the library's and the gateway's.",
            ],
        };
    }
}
