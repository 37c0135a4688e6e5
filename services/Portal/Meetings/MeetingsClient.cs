using System.Net;
using System.Net.Http.Json;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Meetings;

/// <summary>
/// The general assemblies' public API behind the gateway (<c>/api/meetings</c>), called with the signed-in person's token:
/// what the office prepares and runs, what members file and give, and how delegates vote. The service decides who may
/// do what; a refusal comes back as its problem document.
/// </summary>
public sealed class MeetingsClient(HttpClient http)
{
    const string Assemblies = "/api/meetings/assemblies";

    public async Task<IReadOnlyList<AssemblySummary>> ListAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<AssemblySummary>>(Assemblies, Json.Options, ct) ?? [];

    /// <summary>The assembly, or null when there is none the person may see (a draft is the office's).</summary>
    public Task<AssemblyDetail?> GetAsync(Guid id, CancellationToken ct = default) => FindAsync<AssemblyDetail>($"{Assemblies}/{id}", ct);

    public async Task<ApiResult<AssemblyDetail>> CreateAsync(AssemblyInput input, CancellationToken ct = default) =>
        await ReadAsync<AssemblyDetail>(await http.PostAsJsonAsync(Assemblies, input, Json.Options, ct), ct);

    public async Task<ApiResult<AgendaItem>> AddAgendaItemAsync(Guid assemblyId, AgendaItemInput input, CancellationToken ct = default) =>
        await ReadAsync<AgendaItem>(await http.PostAsJsonAsync($"{Assemblies}/{assemblyId}/agenda", input, Json.Options, ct), ct);

    public async Task<ApiResult<AssemblyDetail>> InviteAsync(Guid assemblyId, CancellationToken ct = default) =>
        await ReadAsync<AssemblyDetail>(await http.PostAsync($"{Assemblies}/{assemblyId}/invitation", null, ct), ct);

    public async Task<ApiResult<Motion>> FileMotionAsync(Guid assemblyId, MotionInput input, CancellationToken ct = default) =>
        await ReadAsync<Motion>(await http.PostAsJsonAsync($"{Assemblies}/{assemblyId}/motions", input, Json.Options, ct), ct);

    public async Task<IReadOnlyList<AssemblyDelegate>> DelegatesAsync(Guid assemblyId, CancellationToken ct = default) =>
        await FindAsync<List<AssemblyDelegate>>($"{Assemblies}/{assemblyId}/delegates", ct) ?? [];

    public async Task<ApiResult<AssemblyDelegate>> NameDelegateAsync(Guid assemblyId, DelegateInput input, CancellationToken ct = default) =>
        await ReadAsync<AssemblyDelegate>(await http.PostAsJsonAsync($"{Assemblies}/{assemblyId}/delegates", input, Json.Options, ct), ct);

    public async Task<ApiResult<AssemblyDelegate>> CheckInAsync(Guid assemblyId, Guid delegateId, CancellationToken ct = default) =>
        await ReadAsync<AssemblyDelegate>(await http.PostAsync($"{Assemblies}/{assemblyId}/delegates/{delegateId}/check-in", null, ct), ct);

    public async Task<ApiResult<AssemblyDelegate>> CheckOutAsync(Guid assemblyId, Guid delegateId, CancellationToken ct = default) =>
        await ReadAsync<AssemblyDelegate>(await http.DeleteAsync($"{Assemblies}/{assemblyId}/delegates/{delegateId}/check-in", ct), ct);

    public Task<Quorum?> QuorumAsync(Guid assemblyId, CancellationToken ct = default) => FindAsync<Quorum>($"{Assemblies}/{assemblyId}/quorum", ct);

    public async Task<IReadOnlyList<Proxy>> ProxiesAsync(Guid assemblyId, CancellationToken ct = default) =>
        await FindAsync<List<Proxy>>($"{Assemblies}/{assemblyId}/proxies", ct) ?? [];

    public async Task<ApiResult<Proxy>> GiveProxyAsync(Guid assemblyId, ProxyInput input, CancellationToken ct = default) =>
        await ReadAsync<Proxy>(await http.PostAsJsonAsync($"{Assemblies}/{assemblyId}/proxies", input, Json.Options, ct), ct);

    /// <summary>Revokes a proxy; the problem when it cannot be (a vote is open, it is not the person's member's).</summary>
    public async Task<ApiProblem?> RevokeProxyAsync(Guid assemblyId, Guid proxyId, CancellationToken ct = default) =>
        await ApiReads.ProblemOfAsync(await http.DeleteAsync($"{Assemblies}/{assemblyId}/proxies/{proxyId}", ct), ct);

    public async Task<ApiResult<Vote>> OpenVoteAsync(Guid assemblyId, OpenVote input, CancellationToken ct = default) =>
        await ReadAsync<Vote>(await http.PostAsJsonAsync($"{Assemblies}/{assemblyId}/votes", input, Json.Options, ct), ct);

    /// <summary>The members the signed-in delegate votes for in this vote (none while it is not checked in).</summary>
    public Task<MyBallots?> MineAsync(Guid voteId, CancellationToken ct = default) => FindAsync<MyBallots>($"/api/meetings/votes/{voteId}/mine", ct);

    public async Task<ApiResult<BallotReceipt>> CastAsync(Guid voteId, CastBallot input, CancellationToken ct = default) =>
        await ReadAsync<BallotReceipt>(await http.PostAsJsonAsync($"/api/meetings/votes/{voteId}/ballots", input, Json.Options, ct), ct);

    public async Task<ApiResult<Vote>> CloseVoteAsync(Guid voteId, CancellationToken ct = default) =>
        await ReadAsync<Vote>(await http.PostAsync($"/api/meetings/votes/{voteId}/close", null, ct), ct);

    /// <summary>A closed secret vote's published ballots; empty while it is open.</summary>
    public async Task<IReadOnlyList<PublishedBallot>> ReceiptsAsync(Guid voteId, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/meetings/votes/{voteId}/receipts", ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            return [];
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<PublishedBallot>>(Json.Options, ct) ?? [];
    }

    /// <summary>The minutes as the person may read them (the office: also the draft), or null when there are none.</summary>
    public Task<MinutesState?> MinutesAsync(Guid assemblyId, CancellationToken ct = default) => FindAsync<MinutesState>($"{Assemblies}/{assemblyId}/minutes", ct);

    public async Task<ApiResult<MinutesState>> GenerateMinutesAsync(Guid assemblyId, CancellationToken ct = default) =>
        await ReadAsync<MinutesState>(await http.PostAsync($"{Assemblies}/{assemblyId}/minutes", null, ct), ct);

    /// <param name="role"><c>chair</c> or <c>minute-taker</c>.</param>
    public async Task<ApiResult<MinutesState>> ApproveMinutesAsync(Guid assemblyId, string role, CancellationToken ct = default) =>
        await ReadAsync<MinutesState>(await http.PostAsJsonAsync($"{Assemblies}/{assemblyId}/minutes/approval", new { @as = role }, Json.Options, ct), ct);

    Task<T?> FindAsync<T>(string path, CancellationToken ct) where T : class => http.FindAsync<T>(path, Json.Options, ct);

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
