using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Load;

/// <summary>
/// Looks for edits in the library's search as a visitor would (<c>GET /api/library/practices?q=…</c>, anonymous): every
/// <see cref="PollEvery"/>, one search per <see cref="EditMarkers.PerSearch"/> edits still awaited, and notes when each
/// edit's marker was first in a result (the instant the answer arrived).
/// </summary>
public sealed class FreshnessProbe(Uri host) : IDisposable
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);
    const int ParallelSearches = 4;

    readonly HttpClient _http = new() { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
    readonly ConcurrentDictionary<string, long> _awaited = new();
    readonly ConcurrentDictionary<string, long> _foundAt = new();
    long _searches;
    long _errors;

    /// <summary>Searches sent so far.</summary>
    public long Searches => Interlocked.Read(ref _searches);

    /// <summary>Searches that failed (an error status or no answer).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public int Awaited => _awaited.Count;

    /// <summary>From now on looks for <paramref name="marker"/>, made at <paramref name="editedAt"/>.</summary>
    public void Await(string marker, long editedAt) => _awaited[marker] = editedAt;

    /// <summary>When <paramref name="marker"/> was first found, or null while it was not; either way it is no longer looked for.</summary>
    public long? Forget(string marker)
    {
        _awaited.TryRemove(marker, out _);
        return _foundAt.TryRemove(marker, out var at) ? at : null;
    }

    /// <summary>Searches until <paramref name="cancellationToken"/> stops it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var round = Stopwatch.GetTimestamp();
            // A snapshot first: edits are awaited while the round is read, and ordering the live dictionary can fail then.
            var markers = _awaited.ToArray().OrderBy(awaited => awaited.Value).Select(awaited => awaited.Key);
            try
            {
                await Parallel.ForEachAsync(EditMarkers.Searches(markers),
                    new ParallelOptions { MaxDegreeOfParallelism = ParallelSearches, CancellationToken = cancellationToken }, SearchAsync);
                var left = PollEvery - Stopwatch.GetElapsedTime(round);
                if (left > TimeSpan.Zero)
                    await Task.Delay(left, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    async ValueTask SearchAsync(string query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _searches);
        JsonElement page;
        try
        {
            page = await _http.GetFromJsonAsync<JsonElement>($"/api/library/practices?pageSize=100&q={Uri.EscapeDataString(query)}", cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
                                          || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Interlocked.Increment(ref _errors);
            return;
        }
        var arrived = Stopwatch.GetTimestamp();
        foreach (var hit in page.GetProperty("items").EnumerateArray())
        {
            if (EditMarkers.In(hit.GetProperty("practice").GetProperty("title").GetString() ?? "") is { } marker && _awaited.TryRemove(marker, out _))
                _foundAt.TryAdd(marker, arrived);
        }
    }

    public void Dispose() => _http.Dispose();
}
