using System.Net.Http.Headers;

namespace Kommune20.Bench.Workloads;

/// <summary>A simulated city as the Registry registered it: its member id and its node's client secret.</summary>
public sealed record RegisteredCity(SimulatedCity City, Guid MemberId, string ClientSecret);

/// <summary>A simulated city without a node of its own, registered as a member of a network that publishes for it.</summary>
public sealed record RelayedCity(SimulatedCity City, Guid MemberId);

/// <summary>
/// Registers simulated cities the way the association's office registers a joining city: the member
/// (<c>POST /api/registry/members</c>), then its node credential (<c>POST /api/registry/members/{id}/clients</c>), or,
/// for a city without a node, its membership in a network with consent to relay
/// (<c>PUT /api/registry/members/{network}/members/{id}</c>).
/// </summary>
public static class CityRegistration
{
    public static Task<IReadOnlyList<RegisteredCity>> RegisterAsync(Uri registry, string officeToken, IReadOnlyList<SimulatedCity> cities,
        int parallelism, CancellationToken cancellationToken) =>
        EachAsync(registry, officeToken, cities, parallelism, async (http, city, ct) =>
        {
            var memberId = await MemberAsync(http, city, ct);
            var client = await JsonRequests.PostAsync(http, $"/api/registry/members/{memberId}/clients",
                new { clientId = city.ClientId, displayName = $"Knoten {city.Name}" }, ct);
            return new RegisteredCity(city, memberId, client.GetProperty("clientSecret").GetString()!);
        }, cancellationToken);

    public static Task<IReadOnlyList<RelayedCity>> RegisterRelayedAsync(Uri registry, string officeToken, Guid network, IReadOnlyList<SimulatedCity> cities,
        int parallelism, CancellationToken cancellationToken) =>
        EachAsync(registry, officeToken, cities, parallelism, async (http, city, ct) =>
        {
            var memberId = await MemberAsync(http, city, ct);
            await JsonRequests.PutAsync(http, $"/api/registry/members/{network}/members/{memberId}", new { relayAllowed = true }, ct);
            return new RelayedCity(city, memberId);
        }, cancellationToken);

    static async Task<Guid> MemberAsync(HttpClient http, SimulatedCity city, CancellationToken cancellationToken) =>
        (await JsonRequests.PostAsync(http, "/api/registry/members", new { kind = "city", name = city.Name, ags = city.Ags }, cancellationToken))
        .GetProperty("id").GetGuid();

    static async Task<IReadOnlyList<T>> EachAsync<T>(Uri registry, string officeToken, IReadOnlyList<SimulatedCity> cities, int parallelism,
        Func<HttpClient, SimulatedCity, CancellationToken, Task<T>> register, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism }) { BaseAddress = registry };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officeToken);
        var registered = new T[cities.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cities.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, ct) => registered[index] = await register(http, cities[index], ct));
        return registered;
    }
}
