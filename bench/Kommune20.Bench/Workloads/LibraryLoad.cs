using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// Fills the library with generated practices through its office endpoint (<c>POST /api/library/office/practices</c>,
/// the federation event's shape, up to 5,000 per call) and waits until its index has caught up
/// (<c>GET /api/library/office/index</c>). The office's token is renewed as it nears its end: indexing a million
/// practices outlasts one.
/// </summary>
public sealed class LibraryLoad(Uri library, ClientCredentialsToken officeToken, IReadOnlyList<Guid> origins)
{
    const int Batch = 5000;
    // Each status counts every practice twice (listed, pending): at a million that takes the library seconds, and a
    // tighter poll would keep it counting instead of indexing.
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <summary>The library's index status (<c>GET /api/library/office/index</c>); <see cref="CaughtUp"/> is the library's own rule.</summary>
    internal sealed record IndexStatus(int Listed, int Pending, int Indexed, bool CaughtUp);

    /// <summary>Loads practices <paramref name="from"/> to <paramref name="to"/> (exclusive) and returns when the index holds them.</summary>
    public async Task<(TimeSpan Loading, TimeSpan Indexing)> LoadAsync(int from, int to, TimeSpan longest, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = library, Timeout = TimeSpan.FromMinutes(5) };
        var started = Stopwatch.GetTimestamp();
        for (var first = from; first < to; first += Batch)
        {
            var items = Enumerable.Range(first, Math.Min(Batch, to - first)).Select(Published).ToList();
            await AuthorizeAsync(http, cancellationToken);
            using var response = await http.PostAsJsonAsync("/api/library/office/practices", items, Json.Options, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"The library refused practices {first}–{first + items.Count - 1} ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var loading = Stopwatch.GetElapsedTime(started);

        while (await StatusAsync(http, cancellationToken) is { CaughtUp: false } status)
        {
            if (Stopwatch.GetElapsedTime(started) > longest)
                throw new TimeoutException($"The library indexed {status.Indexed} of {status.Listed} listed practices in {longest.TotalMinutes:0} min ({status.Pending} pending).");
            await Task.Delay(Poll, cancellationToken);
        }
        return (loading, Stopwatch.GetElapsedTime(started) - loading);
    }

    PracticePublished Published(int number) => new(
        new RecordOrigin(origins[number % origins.Count], GeneratedPractices.OriginId(number), 1, DateTimeOffset.UtcNow),
        GeneratedPractices.Practice(number));

    async Task AuthorizeAsync(HttpClient http, CancellationToken cancellationToken) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await officeToken.GetAsync(cancellationToken));

    async Task<IndexStatus> StatusAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(http, cancellationToken);
        return await http.GetFromJsonAsync<IndexStatus>("/api/library/office/index", Json.Options, cancellationToken)
            ?? throw new InvalidOperationException("The library answered no index status.");
    }
}
