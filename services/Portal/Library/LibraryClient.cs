using System.Net;
using System.Net.Http.Json;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Library;

/// <summary>The library's public API behind the gateway: search, a practice with its adoptions, declaring and confirming adoptions, a city's portrait.</summary>
public sealed class LibraryClient(HttpClient http)
{
    /// <summary>The search, or the library's problem with the query (a malformed filter value names its parameter).</summary>
    public async Task<ApiResult<PracticeSearchResult>> SearchAsync(PracticeFilter filter, CancellationToken ct = default) =>
        await ReadAsync<PracticeSearchResult>(await http.GetAsync(filter.ApiQuery(), ct), ct);

    public async Task<IReadOnlyList<PracticeHit>> LatestAsync(int count, CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<PracticeSearchResult>($"/api/library/practices?pageSize={count}", Json.Options, ct))?.Items ?? [];

    /// <summary>The practices of one city, newest first.</summary>
    public async Task<IReadOnlyList<PracticeHit>> OfCityAsync(string city, CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<PracticeSearchResult>("/api/library/practices?pageSize=100&city=" + Uri.EscapeDataString(city), Json.Options, ct))?.Items ?? [];

    public async Task<PracticeDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/library/practices/{id}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PracticeDetails>(Json.Options, ct);
    }

    /// <summary>The member city's public portrait, or null when it published none (or only for the network).</summary>
    public async Task<CityPortrait?> PortraitOfMemberAsync(Guid memberId, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/library/members/{memberId}/portrait", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CityPortrait>(Json.Options, ct);
    }

    public async Task<MemberAdoptions?> AdoptionsOfMemberAsync(Guid memberId, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<MemberAdoptions>($"/api/library/members/{memberId}/adoptions", Json.Options, ct);

    public async Task<ApiResult<Adoption>> DeclareAsync(Guid practiceId, DeclareAdoption declaration, CancellationToken ct = default) =>
        await ReadAsync<Adoption>(await http.PostAsJsonAsync($"/api/library/practices/{practiceId}/adoptions", declaration, Json.Options, ct), ct);

    public async Task<ApiResult<Adoption>> ConfirmAsync(Guid practiceId, Guid adoptionId, CancellationToken ct = default) =>
        await ReadAsync<Adoption>(await http.PostAsync($"/api/library/practices/{practiceId}/adoptions/{adoptionId}/confirmation", null, ct), ct);

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
