using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.Bench.Workloads;

/// <summary>The library as an anonymous visitor reads it (<c>GET /api/library/practices</c>), for a scenario's setup and notes.</summary>
public static class PublicLibrary
{
    /// <summary>How many public practices the library lists.</summary>
    public static async Task<int> PracticesAsync(Uri host, CancellationToken cancellationToken) =>
        (await PageAsync(host, "", cancellationToken)).GetProperty("total").GetInt32();

    /// <summary>The id of the first practice a search for <paramref name="text"/> finds (of <paramref name="city"/> only, where given).</summary>
    public static async Task<Guid> FirstFoundAsync(Uri host, string text, CancellationToken cancellationToken, string? city = null) =>
        (await PageAsync(host, "&q=" + Uri.EscapeDataString(text) + (city is null ? "" : "&city=" + Uri.EscapeDataString(city)), cancellationToken)).GetProperty("items").EnumerateArray()
            .Select(hit => hit.GetProperty("practice").GetProperty("id").GetGuid()).FirstOrDefault() is var id && id != Guid.Empty
            ? id
            : throw new InvalidOperationException($"The library finds no practice for \"{text}\".");

    static async Task<JsonElement> PageAsync(Uri host, string query, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = host };
        return await http.GetFromJsonAsync<JsonElement>("/api/library/practices?pageSize=1" + query, cancellationToken);
    }
}
