using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// The portal's most visited pages through the gateway, as an anonymous visitor asks for them: the library search, a
/// practice, the member list; against the portal's stylesheet through the same gateway, in alternating pairs.
/// </summary>
public sealed class PortalPagesScenario : IScenario
{
    const double P99LimitMs = 50;
    /// <summary>A static file the portal serves: the baseline of scenarios that read through the gateway.</summary>
    internal const string StaticPath = "/_content/Kommune20.WebUi/k20.css";

    static readonly TimeSpan LongestIndexing = TimeSpan.FromMinutes(20);

    public string Id => "portal-pages";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var settings = context.Settings;
        await context.Library.FillToAsync(settings.SearchSizes[0], LongestIndexing, cancellationToken);
        var query = GeneratedPractices.Queries[1];
        var practice = await PublicLibrary.FirstFoundAsync(hub.Gateway, query, cancellationToken);
        (string Name, string Path)[] pages =
        [
            ("library search", "/praxisbeispiele?q=" + Uri.EscapeDataString(query)),
            ("a practice", $"/praxisbeispiele/{practice}"),
            ("member list", "/mitglieder"),
        ];
        var processes = new Dictionary<string, int>
        {
            ["gateway"] = hub.Process("gateway").Id,
            ["portal"] = hub.Process("portal").Id,
            ["library"] = hub.Process("library").Id,
            ["registry"] = hub.Process("registry").Id,
        };

        var libraryHolds = await PublicLibrary.PracticesAsync(hub.Gateway, cancellationToken);
        var measured = await GatewayReads.MeasureAsync(context, pages, name => $"p99 of {name} through the gateway (one visitor)", P99LimitMs, processes, cancellationToken);
        var profile = await context.ProfileIfMissedAsync(Id, measured.Checks, processes,
            () => context.Http.RunAsync(measured.Slowest, settings.Sequential, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Portal: pages through the gateway", "the portal's stylesheet through the same gateway")
        {
            Measurements = measured.Measurements,
            Checks = measured.Checks,
            Profile = profile,
            Notes =
            [
                $"`GET {string.Join("`, `GET ", pages.Select(page => page.Path))}` (the practice: the search's first hit) through the gateway, anonymous, one request at a time over one connection (load from {context.Http.Name}): the latency a visitor sees without queueing behind others. Each page is rendered on the server by the portal, which asks the library or the Registry through the gateway in turn.",
                $"Baseline: `GET {StaticPath}`, a static file the portal serves, through the same gateway: what the gateway and the portal's pipeline cost without rendering or calls to other services.",
                $"The library held {libraryHolds:N0} public practices (at least the first {settings.SearchSizes[0]:N0} generated ones, loaded here unless the library search had). Pages and stylesheet in turns, {settings.Pairs} pair(s) (the three pages, then the stylesheet); each goal is the median p99 of its pairs, inconclusive where the pairs spread wider than it lies from the goal, and any failed request (the stylesheet's too) misses it.",
            ],
        };
    }
}
