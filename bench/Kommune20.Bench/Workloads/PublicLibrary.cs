using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.Bench.Workloads;

/// <summary>The library as an anonymous visitor reads it (<c>GET /api/library/practices</c>), for a scenario's setup and notes.</summary>
public static class PublicLibrary
{
    /// <summary>How many public practices the library lists.</summary>
    public static async Task<int> PracticesAsync(Uri host, CancellationToken cancellationToken) =>
        (await PageAsync(host, cancellationToken)).GetProperty("total").GetInt32();

    static async Task<JsonElement> PageAsync(Uri host, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = host };
        return await http.GetFromJsonAsync<JsonElement>("/api/library/practices?pageSize=1", cancellationToken);
    }
}
