using System.Diagnostics;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// The library's open-data catalogue at 100,000 practices, downloaded whole through the gateway as a harvester does:
/// the CSV and the DCAT catalogue (JSON-LD). Each should stream (its first byte before half of the download) and leave the
/// library's memory flat (its resident memory at most 50 MB above where it rested before the first download).
/// </summary>
public sealed class CatalogueScenario : IScenario
{
    const double ExtraLimitMb = 50;
    /// <summary>A catalogue built in memory first sends its first byte at the end of its download; a streamed one after its up-front queries.</summary>
    const double FirstByteShareLimit = 0.5;
    static readonly TimeSpan LongestIndexing = TimeSpan.FromMinutes(20);
    static readonly string[] Formats = ["catalog.csv", "catalog.jsonld"];

    public string Id => "catalogue";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var settings = context.Settings;
        await context.Library.FillToAsync(settings.SearchSizes[^1], LongestIndexing, cancellationToken);
        var libraryHolds = await PublicLibrary.PracticesAsync(hub.Gateway, cancellationToken);
        await context.SettleAsync(cancellationToken);
        var library = new Dictionary<string, int> { ["library"] = hub.Process("library").Id };
        var resting = ProcFs.ResidentMb(library["library"]);
        using var http = new HttpClient { BaseAddress = hub.Gateway, Timeout = TimeSpan.FromMinutes(10) };

        var rounds = new List<CatalogueDownload[]>();
        for (var round = 0; round < settings.Pairs; round++)
        {
            var downloads = new List<CatalogueDownload>();
            foreach (var format in Formats)
            {
                CatalogueDownload? download = null;
                var peak = await MemoryWatch.PeakDuringAsync(library, async () => download = await DownloadAsync(http, format, cancellationToken), cancellationToken);
                downloads.Add(download! with { ExtraMb = peak["library"] - resting });
                Console.WriteLine($"    {format} (round {round + 1}): {download!.Megabytes:0.0} MB, first byte after {download.FirstByteMs:0} ms of {download.WholeMs:0} ms, library {peak["library"] - resting:0} MB above rest");
            }
            rounds.Add([.. downloads]);
        }

        IReadOnlyList<Check> checks =
        [
            .. Formats.SelectMany((format, i) => new[]
            {
                Check.OfPairs($"{format}: library memory above rest while it downloads", [.. rounds.Select(round => round[i].ExtraMb)], "MB",
                    GoalDirection.Under, ExtraLimitMb, rounds.Count(round => !round[i].Succeeded)),
                Check.OfPairs($"{format}: first byte / whole download", [.. rounds.Select(round => round[i].FirstByteShare)], "",
                    GoalDirection.Under, FirstByteShareLimit, rounds.Count(round => !round[i].Succeeded)),
            }),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, library,
            async () => await DownloadAsync(http, Formats[^1], cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Library: the open-data catalogue at 100,000 practices", "none (the goals are absolute: memory above rest, first byte within the download)")
        {
            Measurements =
            [
                new Measurement("library at rest before the downloads (VmRSS)") { ResidentMb = resting },
                .. rounds.SelectMany((round, r) => round.Select((download, i) => new Measurement(
                    $"{Formats[i]} (round {r + 1}): {download.Megabytes:0.0} MB, first byte after {download.FirstByteMs:0} ms of {download.WholeMs:0} ms; library peak (VmRSS)")
                {
                    Throughput = download.MegabytesPerSecond,
                    ThroughputUnit = "MB/s",
                    ResidentMb = resting + download.ExtraMb,
                    Errors = download.Succeeded ? 0 : 1,
                })),
            ],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`GET /api/library/{string.Join("` and `GET /api/library/", Formats)}` through the gateway, anonymous, read to the end by one client as a harvester does, each after the other, {settings.Pairs} round(s); the library listed {libraryHolds:N0} public practices.",
                $"Streamed: the first byte arrives before {FirstByteShareLimit:0.0} of the whole download's time. A catalogue built in memory first sends its first byte at the end of the download; a streamed one once its up-front queries (the origins' cards, the verified adoptions) are done, which at small sizes is a good part of a short download.",
                $"Memory: the library's resident memory sampled every 250 ms during each download; the goal is its peak above where it rested before the first download ({resting:0} MB), so what one download leaves behind counts against the next. Each goal is the median of the rounds, inconclusive where they spread wider than it lies from the goal.",
            ],
        };
    }

    static async Task<CatalogueDownload> DownloadAsync(HttpClient http, string format, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync($"/api/library/{format}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        double? firstByte = null;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            firstByte ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            bytes += read;
        }
        var whole = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new CatalogueDownload(response.IsSuccessStatusCode && bytes > 0, bytes / 1024.0 / 1024, firstByte ?? whole, whole);
    }
}
