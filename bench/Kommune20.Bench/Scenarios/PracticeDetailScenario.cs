using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// A practice's page in the library's API at 100,000 practices: the practice with its origin, its adoptions (declared
/// by four members and confirmed by the origin city), the interests in it and five similar practices, through the
/// gateway, against the portal's stylesheet through the same gateway, in alternating pairs.
/// </summary>
public sealed class PracticeDetailScenario : IScenario
{
    const double P99LimitMs = 20;
    static readonly TimeSpan LongestIndexing = TimeSpan.FromMinutes(20);

    /// <summary>The demo's city editors: Heidelberg's practice, adopted by the others' members.</summary>
    const string Origin = "heidelberg";
    static readonly string[] Adopters = ["pforzheim", "heilbronn", "metropolregion", "weinheim"];

    public string Id => "practice-detail";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var settings = context.Settings;
        var size = settings.SearchSizes[^1];
        await context.Library.FillToAsync(size, LongestIndexing, cancellationToken);
        var practice = await PublicLibrary.FirstFoundAsync(hub.Gateway, GeneratedPractices.Queries[0], cancellationToken, city: "Heidelberg");
        await AdoptAsync(context, practice, cancellationToken);
        var libraryHolds = await PublicLibrary.PracticesAsync(hub.Gateway, cancellationToken);

        var path = $"/api/library/practices/{practice}";
        var processes = new Dictionary<string, int> { ["gateway"] = hub.Process("gateway").Id, ["library"] = hub.Process("library").Id };
        var detail = new HttpTarget(new Uri(hub.Gateway, path));
        var stylesheet = new HttpTarget(new Uri(hub.Gateway, PortalPagesScenario.StaticPath));
        var pairs = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => context.MeasureHttpAsync($"practice with adoptions and similar (pair {pair + 1})", detail, settings.Sequential, processes, cancellationToken),
            pair => context.MeasureHttpAsync($"stylesheet (pair {pair + 1})", stylesheet, settings.Sequential, processes, cancellationToken));

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs($"p99 of a practice with adoptions and similar practices at {libraryHolds:N0} practices (one client)",
                [.. pairs.Select(p => p.Subject.Load.Latency.P99)], "ms", GoalDirection.Under, P99LimitMs,
                pairs.Sum(p => p.Subject.Load.Errors + p.Baseline.Load.Errors)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes,
            () => context.Http.RunAsync(detail, settings.Sequential, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Library: a practice with adoptions and similar practices", "the portal's stylesheet through the same gateway")
        {
            Measurements = [.. pairs.SelectMany(p => new[] { p.Subject.Measurement, p.Baseline.Measurement })],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`GET {path}` through the gateway, anonymous: the practice (the first of Heidelberg's that a search for \"{GeneratedPractices.Queries[0]}\" finds) with its origin city, its {Adopters.Length} adoptions, the interests in it and five similar practices (the library's more-like-this over its index). The library listed {libraryHolds:N0} public practices, at least the first {size:N0} generated ones (loaded here unless the library search had).",
                $"The adoptions: declared by the demo's city editors of {string.Join(", ", Adopters)} through the gateway, each confirmed by Heidelberg's, as members do in the portal.",
                $"One request at a time over one connection (load from {context.Http.Name}); baseline `GET {PortalPagesScenario.StaticPath}`, a static file, through the same gateway. Practice and stylesheet in turns, {settings.Pairs} pair(s); the goal is the median p99 of the pairs, inconclusive where they spread wider than it lies from the goal, and any failed request misses it.",
            ],
        };
    }

    /// <summary>Each adopter's editor declares the practice adopted and Heidelberg's editor confirms it.</summary>
    static async Task AdoptAsync(BenchContext context, Guid practice, CancellationToken cancellationToken)
    {
        using var origin = await context.Hub.SignedInAsync(Origin);
        foreach (var adopter in Adopters)
        {
            using var editor = await context.Hub.SignedInAsync(adopter);
            var adoption = await JsonRequests.PostAsync(editor, $"/api/library/practices/{practice}/adoptions", new
            {
                stage = "adopted",
                changes = "Übernommen mit eigenen Digitallotsinnen und Digitallotsen in jedem Fachamt.",
                outcomes = new[] { new { value = 5, label = "Mitarbeitende ausgebildet" } },
            }, cancellationToken);
            await JsonRequests.PostAsync(origin, $"/api/library/practices/{practice}/adoptions/{adoption.GetProperty("id").GetGuid()}/confirmation", null, cancellationToken);
        }
    }
}
