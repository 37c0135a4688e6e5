using System.Net.Http.Headers;

namespace Kommune20.Bench.Workloads;

/// <summary>A simulated city as the Registry registered it: its member id and its node's client secret.</summary>
public sealed record RegisteredCity(SimulatedCity City, Guid MemberId, string ClientSecret);

/// <summary>
/// Registers simulated cities the way the association's office registers a joining city: the member
/// (<c>POST /api/registry/members</c>), then its node credential (<c>POST /api/registry/members/{id}/clients</c>).
/// </summary>
public static class CityRegistration
{
    public static async Task<IReadOnlyList<RegisteredCity>> RegisterAsync(Uri registry, string officeToken, IReadOnlyList<SimulatedCity> cities,
        int parallelism, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism }) { BaseAddress = registry };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officeToken);
        var registered = new RegisteredCity[cities.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cities.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, ct) => registered[index] = await RegisterAsync(http, cities[index], ct));
        return registered;
    }

    static async Task<RegisteredCity> RegisterAsync(HttpClient http, SimulatedCity city, CancellationToken cancellationToken)
    {
        var member = await JsonRequests.PostAsync(http, "/api/registry/members", new { kind = "city", name = city.Name, ags = city.Ags }, cancellationToken);
        var memberId = member.GetProperty("id").GetGuid();
        var client = await JsonRequests.PostAsync(http, $"/api/registry/members/{memberId}/clients",
            new { clientId = city.ClientId, displayName = $"Knoten {city.Name}" }, cancellationToken);
        return new RegisteredCity(city, memberId, client.GetProperty("clientSecret").GetString()!);
    }
}
