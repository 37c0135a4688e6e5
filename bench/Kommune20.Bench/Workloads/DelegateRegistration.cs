using System.Globalization;
using System.Net.Http.Headers;
using Kommune20.Testing;

namespace Kommune20.Bench.Workloads;

/// <summary>A simulated voting member's delegate: the member, the person in the register, and once signed in the token it votes with.</summary>
public sealed record SimulatedDelegate(int Index, Guid MemberId, Guid PersonId, string UserName, string Name)
{
    public string Token { get; init; } = "";
}

/// <summary>
/// Voting members with a delegate each, the way the office registers them and a delegate signs in: the member
/// (<c>POST /api/registry/members</c>, a city, which has a vote), a person with the delegate role for it
/// (<c>POST /api/registry/people</c>); later the person's sign-in at the issuer's login page (authorization code with
/// PKCE, through the gateway), whose access token lasts 15 minutes.
/// </summary>
public static class DelegateRegistration
{
    /// <summary>
    /// Where the simulated municipalities of the votes' delegates begin: after the fleet's 10,800, so that a full run's
    /// scenarios never register the same AGS (1,000 at most each).
    /// </summary>
    public const int VotersFrom = 15_000;

    /// <summary>Where those of the live room's participants begin, between the fleet's and the voters'.</summary>
    public const int ParticipantsFrom = 14_000;

    /// <summary>Registers <paramref name="count"/> members with a delegate each, from the simulated municipality <paramref name="first"/> on.</summary>
    public static async Task<IReadOnlyList<SimulatedDelegate>> RegisterAsync(Uri registry, string officeToken, int first, int count, string password,
        int parallelism, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism }) { BaseAddress = registry };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officeToken);
        var delegates = new SimulatedDelegate[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var city = SimulatedMunicipalities.City(first + index);
                var member = await JsonRequests.PostAsync(http, "/api/registry/members", new { kind = "city", name = city.Name, ags = city.Ags }, ct);
                var memberId = member.GetProperty("id").GetGuid();
                var userName = string.Create(CultureInfo.InvariantCulture, $"delegierte-{city.Number + 1:00000}");
                var name = $"Delegierte {city.Name}";
                var person = await JsonRequests.PostAsync(http, "/api/registry/people",
                    new { userName, name, memberId, roles = new[] { "delegate" }, password }, ct);
                delegates[index] = new SimulatedDelegate(index, memberId, person.GetProperty("id").GetGuid(), userName, name);
            });
        return delegates;
    }

    /// <summary>Each delegate signs in with its password; the delegates again, each with its access token.</summary>
    public static async Task<IReadOnlyList<SimulatedDelegate>> SignInAsync(Hub hub, IReadOnlyList<SimulatedDelegate> delegates, string password,
        int parallelism, CancellationToken cancellationToken)
    {
        var signedIn = new SimulatedDelegate[delegates.Count];
        await Parallel.ForEachAsync(delegates, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (person, _) => signedIn[person.Index] = person with { Token = await hub.SignIn.PersonTokenAsync(person.UserName, password) });
        return signedIn;
    }
}
