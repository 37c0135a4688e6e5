using System.Net.Http.Headers;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>HTTP load from this process: HttpClient over SocketsHttpHandler with one connection per worker.</summary>
public sealed class DotnetHttpLoad : IHttpLoad
{
    public string Name => ".NET HttpClient";

    public int? ProcessId => Environment.ProcessId;

    public async Task<LoadResult> RunAsync(HttpTarget target, LoadShape shape, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = shape.Concurrency, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        if (target.BearerToken is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", target.BearerToken);

        return await ClosedLoop.RunAsync(shape, async (_, ct) =>
        {
            using var response = await http.GetAsync(target.Url, HttpCompletionOption.ResponseContentRead, ct);
            response.EnsureSuccessStatusCode();
        }, cancellationToken);
    }
}
