using System.Net.Http.Headers;

namespace Kommune20.Bench.Workloads;

/// <summary>A network as the Registry registered it: its member id and its relay node's credential.</summary>
public sealed record RegisteredNetwork(Guid MemberId, string ClientId, string ClientSecret);

/// <summary>
/// Registers a network the way the association's office does: the member (a region, <c>POST /api/registry/members</c>),
/// then its network node's credential (<c>POST /api/registry/members/{id}/clients</c>, role city-node like every node's).
/// Its member cities join it with <see cref="CityRegistration.RegisterRelayedAsync"/>.
/// </summary>
public static class NetworkRegistration
{
    public static async Task<RegisteredNetwork> RegisterAsync(Uri registry, string officeToken, string name, string clientId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = registry };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officeToken);
        var member = await JsonRequests.PostAsync(http, "/api/registry/members", new { kind = "region", name, hasVotingRight = false }, cancellationToken);
        var memberId = member.GetProperty("id").GetGuid();
        var client = await JsonRequests.PostAsync(http, $"/api/registry/members/{memberId}/clients",
            new { clientId, displayName = $"Netzwerkknoten {name}" }, cancellationToken);
        return new RegisteredNetwork(memberId, clientId, client.GetProperty("clientSecret").GetString()!);
    }
}
