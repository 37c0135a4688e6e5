using System.Net.Http.Json;
using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Network;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Lists;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.CityNode.Pages;

/// <summary>
/// The node's own editor API, called by its pages like any client: over HTTP with the signed-in person's token, so the
/// API's rules (who may edit, what is valid) hold for pages and programs alike. Every kind of the city's list records
/// (practices, project updates) is called the same way, by its <see cref="RecordType{T}"/>. On a network node the pages
/// name the member whose records they show (<c>member</c>); on a city node they leave it out.
/// </summary>
public sealed class NodeClient(HttpClient http)
{
    public async Task<PagedList<NodeRecordDto<T>>> ListAsync<T>(RecordType<T> type, int page, Guid? member = null, CancellationToken ct = default) where T : class =>
        await http.GetFromJsonAsync<PagedList<NodeRecordDto<T>>>($"{Root(member)}{type.Path}?page={page}", Json.Options, ct)
        ?? new PagedList<NodeRecordDto<T>>([], page, CityRecordsApi.DefaultPageSize, 0);

    public async Task<NodeRecordDto<T>?> GetAsync<T>(RecordType<T> type, string id, Guid? member = null, CancellationToken ct = default) where T : class
    {
        using var response = await http.GetAsync(Of(type, id, member), ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<NodeRecordDto<T>>(Json.Options, ct);
    }

    public async Task<ApiResult<NodeRecordDto<T>>> CreateAsync<T>(RecordType<T> type, NewRecord<T> record, Guid? member = null, CancellationToken ct = default) where T : class =>
        await ReadAsync<NodeRecordDto<T>>(await http.PostAsJsonAsync(Root(member) + type.Path, record, Json.Options, ct), ct);

    public async Task<ApiResult<NodeRecordDto<T>>> ChangeAsync<T>(RecordType<T> type, string id, T record, Guid? member = null, CancellationToken ct = default) where T : class =>
        await ReadAsync<NodeRecordDto<T>>(await http.PutAsJsonAsync(Of(type, id, member), new ChangedRecord<T>(record), Json.Options, ct), ct);

    public async Task<ApiResult<NodeRecordDto<T>>> PublishAsync<T>(RecordType<T> type, string id, Guid? member = null, CancellationToken ct = default) where T : class =>
        await ReadAsync<NodeRecordDto<T>>(await http.PostAsync($"{Of(type, id, member)}/publication", null, ct), ct);

    /// <summary>Withdraws a published record (or discards a draft); null when done, else the problem.</summary>
    public async Task<ApiProblem?> WithdrawAsync<T>(RecordType<T> type, string id, Guid? member = null, CancellationToken ct = default) where T : class
    {
        using var response = await http.DeleteAsync(Of(type, id, member), ct);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, ct);
    }

    public async Task<FederationApi.NodeFederationState?> FederationAsync(Guid? member = null, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<FederationApi.NodeFederationState>(Root(member) + "federation", Json.Options, ct);

    public async Task<ApiResult<FederationApi.ResyncResult>> ResyncAsync(Guid? member = null, CancellationToken ct = default) =>
        await ReadAsync<FederationApi.ResyncResult>(await http.PostAsync(Root(member) + "federation/resync", null, ct), ct);

    /// <summary>The network node's members, for its desk.</summary>
    public async Task<List<NetworkDeskApi.MemberState>> MembersAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<NetworkDeskApi.MemberState>>("/api/node/members", Json.Options, ct) ?? [];

    static string Root(Guid? member) => member is { } id ? $"/api/node/members/{id}/" : "/api/node/";

    static string Of<T>(RecordType<T> type, string id, Guid? member) where T : class => $"{Root(member)}{type.Path}/{Uri.EscapeDataString(id)}";

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
