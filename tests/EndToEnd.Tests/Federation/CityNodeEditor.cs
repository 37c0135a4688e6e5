using System.Net.Http.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>A city editor, signed in at the network's issuer, working with the REST API of the city's node.</summary>
public sealed class CityNodeEditor(HttpClient http) : IDisposable
{
    public sealed record NodeRecord(string Id, string Status, long Version, PracticeRecord Record);

    sealed record RecordPage(List<NodeRecord> Items, int Total);

    public sealed record Rejected(string Kind, string Id, long Version, string Code, string? Field, string Reason);

    public sealed record NodeState(Guid MemberId, long HeadVersion, long AcknowledgedVersion, long Lag, string? LastError, List<Rejected> Rejected);

    public HttpClient Http => http;

    public static async Task<CityNodeEditor> SignInAsync(Hub hub, ServiceProcess node, string userName)
    {
        var person = hub.Credentials.PersonNamed(userName);
        return new CityNodeEditor(SignIn.WithToken(node.BaseAddress, await hub.SignIn.PersonTokenAsync(person.UserName, person.Password)));
    }

    public Task<HttpResponseMessage> PublishAsync(string id, PracticeRecord practice, bool draft = false) =>
        http.PostAsJsonAsync("/api/node/practices", new { id, record = practice, draft }, Json.Options);

    public Task<HttpResponseMessage> ChangeAsync(string id, PracticeRecord practice) =>
        http.PutAsJsonAsync($"/api/node/practices/{id}", new { record = practice }, Json.Options);

    public Task<HttpResponseMessage> PublishDraftAsync(string id) => http.PostAsync($"/api/node/practices/{id}/publication", null);

    public Task<HttpResponseMessage> WithdrawAsync(string id) => http.DeleteAsync($"/api/node/practices/{id}");

    /// <summary>Every practice on the node, page by page.</summary>
    public async Task<List<NodeRecord>> PracticesAsync()
    {
        var records = new List<NodeRecord>();
        for (var page = 1; ; page++)
        {
            var list = await http.GetFromJsonAsync<RecordPage>($"/api/node/practices?page={page}&pageSize=200", Json.Options)
                ?? throw new InvalidOperationException("no page");
            records.AddRange(list.Items);
            if (records.Count >= list.Total || list.Items.Count == 0)
                return records;
        }
    }

    public async Task<NodeState> FederationAsync() =>
        await http.GetFromJsonAsync<NodeState>("/api/node/federation", Json.Options) ?? throw new InvalidOperationException("no state");

    public void Dispose() => http.Dispose();
}
