using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Load;

/// <summary>Library searches that rotate through <see cref="GeneratedPractices.Queries"/>, in this process or over HTTP.</summary>
public static class QueryRotation
{
    public static Task<LoadResult> RunInProcessAsync(LoadShape shape, Func<string, int> search, CancellationToken cancellationToken)
    {
        var turn = -1;
        return ClosedLoop.RunAsync(shape, (_, _) =>
        {
            search(Next(ref turn));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary><c>GET /api/library/practices?q=…</c> on <paramref name="host"/> (the library or the gateway), one connection per worker.</summary>
    public static async Task<LoadResult> RunHttpAsync(Uri host, LoadShape shape, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = shape.Concurrency, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        var turn = -1;
        return await ClosedLoop.RunAsync(shape, async (_, ct) =>
        {
            using var response = await http.GetAsync("/api/library/practices?q=" + Uri.EscapeDataString(Next(ref turn)), ct);
            response.EnsureSuccessStatusCode();
        }, cancellationToken);
    }

    static string Next(ref int turn) =>
        GeneratedPractices.Queries[(int)((uint)Interlocked.Increment(ref turn) % (uint)GeneratedPractices.Queries.Count)];
}
