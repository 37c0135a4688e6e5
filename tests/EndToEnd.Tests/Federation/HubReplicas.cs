using System.Net;
using System.Net.Http.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>The hub's public federation API, read through the gateway as a visitor (or with a token).</summary>
public sealed class HubReplicas(HttpClient http) : IDisposable
{
    public sealed record Replica(Guid OriginMemberId, string OriginId, long Version, Visibility Visibility, PracticeRecord Practice, Guid? RelayedBy);

    public sealed record Page(List<Replica> Items, int Total);

    public async Task<Replica?> PracticeAsync(Guid origin, string originId)
    {
        using var response = await http.GetAsync($"/api/federation/practices/{origin}/{originId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Replica>(Json.Options);
    }

    public async Task<List<Replica>> PracticesOfAsync(Guid origin)
    {
        var page = await http.GetFromJsonAsync<Page>($"/api/federation/practices?origin={origin}&pageSize=200", Json.Options);
        return page!.Items;
    }

    public void Dispose() => http.Dispose();
}
