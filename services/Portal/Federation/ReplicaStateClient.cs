using System.Net.Http.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Federation;

/// <summary>The federation's public API behind the gateway: the replicas the hub holds and each city's federation state.</summary>
public sealed class ReplicaStateClient(HttpClient http)
{
    /// <summary>A city's practices as the hub holds them, with the version that arrived from the city's node.</summary>
    public async Task<IReadOnlyList<PracticeReplica>> PracticesOfAsync(Guid memberId, CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<ReplicaPage>($"/api/federation/practices?origin={memberId}&pageSize=200", Json.Options, ct))?.Items ?? [];

    /// <summary>The signed-in person's city (or, for the office, every city): acknowledged version, lag, rejected changes.</summary>
    public async Task<IReadOnlyList<CityFederationState>> StatesAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<CityFederationState>>("/api/federation/state", Json.Options, ct) ?? [];

    /// <summary>Who publishes the member's records at the hub: its own node and the networks that delivered them.</summary>
    public async Task<Publishers?> PublishersOfAsync(Guid memberId, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<Publishers>($"/api/federation/members/{memberId}/publishers", Json.Options, ct);

    /// <summary>The city's editor withdraws at the hub a practice a network published for the city; null when done, else the problem.</summary>
    public async Task<ApiProblem?> WithdrawPracticeAsync(Guid originMemberId, string originId, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync($"/api/federation/practices/{originMemberId}/{Uri.EscapeDataString(originId)}", ct);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, ct);
    }

    sealed record ReplicaPage(IReadOnlyList<PracticeReplica> Items);
}

public sealed record PracticeReplica(Guid OriginMemberId, string OriginId, long Version, DateTimeOffset ChangedAt, Visibility Visibility,
    PracticeRecord Practice, Guid? RelayedBy);

/// <summary>Who publishes a member's records at the hub: its own node (once it delivered) and the networks whose nodes delivered them.</summary>
public sealed record Publishers(Guid OriginMemberId, bool OwnNode, IReadOnlyList<Guid> Networks);

public sealed record CityFederationState(Guid OriginMemberId, long AcknowledgedVersion, long Lag, IReadOnlyList<RejectedChange> Rejected);

/// <summary>A change the hub refused, with the reason and the field it names.</summary>
public sealed record RejectedChange(string? Kind, string OriginId, long Version, string Code, string? Field, string Reason, DateTimeOffset ReceivedAt);
