using System.Net.Http.Json;
using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Lists;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.CityNode.Pages;

/// <summary>
/// The node's own editor API, called by its pages like any client: over HTTP with the signed-in person's token, so the
/// API's rules (who may edit, what is valid) hold for pages and programs alike.
/// </summary>
public sealed class NodeClient(HttpClient http)
{
    const string Practices = "/api/node/practices";

    public async Task<PagedList<NodeRecordDto<PracticeRecord>>> PracticesAsync(int page, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<PagedList<NodeRecordDto<PracticeRecord>>>($"{Practices}?page={page}", Json.Options, ct)
        ?? new PagedList<NodeRecordDto<PracticeRecord>>([], page, CityRecordsApi.DefaultPageSize, 0);

    public async Task<NodeRecordDto<PracticeRecord>?> PracticeAsync(string id, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"{Practices}/{Uri.EscapeDataString(id)}", ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<NodeRecordDto<PracticeRecord>>(Json.Options, ct);
    }

    public async Task<ApiResult<NodeRecordDto<PracticeRecord>>> CreateAsync(NewRecord<PracticeRecord> record, CancellationToken ct = default) =>
        await ReadAsync<NodeRecordDto<PracticeRecord>>(await http.PostAsJsonAsync(Practices, record, Json.Options, ct), ct);

    public async Task<ApiResult<NodeRecordDto<PracticeRecord>>> ChangeAsync(string id, PracticeRecord record, CancellationToken ct = default) =>
        await ReadAsync<NodeRecordDto<PracticeRecord>>(await http.PutAsJsonAsync($"{Practices}/{Uri.EscapeDataString(id)}",
            new ChangedRecord<PracticeRecord>(record), Json.Options, ct), ct);

    public async Task<ApiResult<NodeRecordDto<PracticeRecord>>> PublishAsync(string id, CancellationToken ct = default) =>
        await ReadAsync<NodeRecordDto<PracticeRecord>>(await http.PostAsync($"{Practices}/{Uri.EscapeDataString(id)}/publication", null, ct), ct);

    /// <summary>Withdraws a published record (or discards a draft); null when done, else the problem.</summary>
    public async Task<ApiProblem?> WithdrawAsync(string id, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync($"{Practices}/{Uri.EscapeDataString(id)}", ct);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, ct);
    }

    public async Task<FederationApi.NodeFederationState?> FederationAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<FederationApi.NodeFederationState>("/api/node/federation", Json.Options, ct);

    public async Task<ApiResult<FederationApi.ResyncResult>> ResyncAsync(CancellationToken ct = default) =>
        await ReadAsync<FederationApi.ResyncResult>(await http.PostAsync("/api/node/federation/resync", null, ct), ct);

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
