using System.Net;
using System.Net.Http.Json;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Registry;

/// <summary>The Registry's public API behind the gateway: the member directory, the network graph, people and sign-in lock-outs (office).</summary>
public sealed class RegistryClient(HttpClient http)
{
    public async Task<PagedList<Member>> ListMembersAsync(MemberFilter filter, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<PagedList<Member>>(filter.ApiQuery(), ct) ?? new PagedList<Member>([], 1, MemberFilter.PageSize, 0);

    /// <summary>
    /// Every member of the register, page by page (the Registry serves at most 200 a page): the association's lists and
    /// counts must not stop at the first page once thousands of municipalities are members.
    /// </summary>
    public async Task<IReadOnlyList<Member>> AllMembersAsync(CancellationToken ct = default)
    {
        const int pageSize = 200;
        var members = new List<Member>();
        for (var page = 1; ; page++)
        {
            var read = await http.GetFromJsonAsync<PagedList<Member>>($"/api/registry/members?pageSize={pageSize}&page={page}", ct);
            members.AddRange(read?.Items ?? []);
            if (read is null || read.Items.Count < pageSize || members.Count >= read.Total)
                return members;
        }
    }

    /// <summary>The first members by name whose name contains <paramref name="name"/> (the Registry folds case and umlauts).</summary>
    public async Task<IReadOnlyList<Member>> MembersNamedAsync(string name, CancellationToken ct = default) =>
        (await ListMembersAsync(new MemberFilter(name, null, null), ct)).Items;

    /// <summary>
    /// The names of these members, each looked up by its id: what a page of subscriptions names is a few members of a
    /// register of thousands. An id the register no longer knows is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesOfAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var found = await Task.WhenAll(ids.Distinct().Select(id => GetMemberAsync(id, ct)));
        return found.OfType<MemberDetails>().ToDictionary(details => details.Member.Id, details => details.Member.Name);
    }

    public async Task<MemberDetails?> GetMemberAsync(Guid id, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/registry/members/{id}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<MemberDetails>(ct);
    }

    public async Task<IReadOnlyList<MemberSummary>> MembersOfAsync(Guid networkId, bool transitive, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<MemberSummary>>($"/api/registry/members/{networkId}/members?transitive={(transitive ? "true" : "false")}", ct) ?? [];

    /// <summary>Every network with its member count, its member networks and its first <paramref name="shown"/> other members, in one call.</summary>
    public async Task<IReadOnlyList<NetworkOverview>> NetworksAsync(int shown, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<NetworkOverview>>($"/api/registry/networks?shown={shown}", ct) ?? [];

    public async Task<ApiResult<Member>> CreateMemberAsync(MemberInput input, CancellationToken ct = default) =>
        await ApiResult<Member>.ReadAsync(await http.PostAsJsonAsync("/api/registry/members", input, ct), ct);

    public async Task<ApiResult<Member>> UpdateMemberAsync(Guid id, MemberInput input, CancellationToken ct = default) =>
        await ApiResult<Member>.ReadAsync(await http.PutAsJsonAsync($"/api/registry/members/{id}", input, ct), ct);

    /// <summary>A member's people, up to the API's largest page (200); an organisation has far fewer.</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(Guid memberId, CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<PagedList<Person>>($"/api/registry/people?member={memberId}&pageSize=200", ct))?.Items ?? [];

    public async Task<ApiResult<Person>> CreatePersonAsync(PersonInput input, CancellationToken ct = default) =>
        await ApiResult<Person>.ReadAsync(await http.PostAsJsonAsync("/api/registry/people", input, ct), ct);

    public async Task<ApiResult<Person>> UpdatePersonAsync(Guid id, PersonInput input, CancellationToken ct = default) =>
        await ApiResult<Person>.ReadAsync(await http.PutAsJsonAsync($"/api/registry/people/{id}", input, ct), ct);

    public async Task<IReadOnlyList<Lockout>> LockoutsAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<Lockout>>("/api/registry/lockouts", ct) ?? [];

    /// <summary>Lets the person or client sign in again at once; false when it no longer exists.</summary>
    public async Task<bool> LiftLockoutAsync(Lockout lockout, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync(lockout.LiftPath, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        response.EnsureSuccessStatusCode();
        return true;
    }
}

/// <summary>An edge of the network of networks: <see cref="MemberId"/> belongs to <see cref="NetworkId"/>.</summary>
public sealed record NetworkEdge(Guid NetworkId, Guid MemberId);

/// <summary>A network, how many direct members it has, and those of them the Registry sent.</summary>
public sealed record NetworkOverview(MemberSummary Network, int MemberCount, IReadOnlyList<MemberSummary> Members);
