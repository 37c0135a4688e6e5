using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Client-credential grants per second at the issuer's token endpoint (<c>POST /connect/token</c> on the Registry),
/// closed loop, the demo's city nodes taking turns; the grant a node makes after every restart of the hub (the fleet's
/// 10,800 at once), against the absolute goal of issue 19.
/// </summary>
public sealed class TokenGrantsScenario : IScenario
{
    const string CityNodeRole = "city-node";
    const double GoalPerSecond = 1_000;
    const string Generator = ".NET HttpClient";
    static readonly string[] Issuer = ["registry"];

    public string Id => "token-grants";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var clients = context.Hub.Credentials.Clients.Where(client => client.Roles.Contains(CityNodeRole)).ToList();
        var processes = new Dictionary<string, int> { ["registry"] = context.HubProcesses["registry"] };
        var endpoint = new Uri(context.Hub.Registry, "/connect/token");

        async Task<LoadResult> GrantsAsync()
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, UseCookies = false })
            {
                Timeout = TimeSpan.FromSeconds(10),
            };
            var turn = -1;
            return await ClosedLoop.RunAsync(settings.Saturating, async (_, ct) =>
            {
                var client = clients[(int)((uint)Interlocked.Increment(ref turn) % (uint)clients.Count)];
                using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = client.ClientId,
                    ["client_secret"] = client.ClientSecret,
                    ["scope"] = "kommune20",
                }), ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
            }, cancellationToken);
        }

        var runs = new List<(Measurement Measurement, LoadResult Load)>();
        for (var run = 0; run < settings.Pairs; run++)
            runs.Add(await context.MeasureAsync($"grants, {settings.Connections} at once (run {run + 1})", Generator, GrantsAsync, processes, cancellationToken, Issuer));

        IReadOnlyList<Check> checks =
        [
            Check.OfRuns("client-credential grants per second", [.. runs.Select(r => r.Load.Throughput)], "grants/s", GoalDirection.AtLeast, GoalPerSecond,
                runs.Sum(r => r.Load.Errors)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes, GrantsAsync, cancellationToken);

        return new ScenarioResult(Id, "Token endpoint: client-credential grants", "none (an absolute goal)")
        {
            Measurements = [.. runs.Select(r => r.Measurement with { ThroughputUnit = "grants/s" })],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"`POST /connect/token` with `grant_type=client_credentials` on the Registry (the issuer, OpenIddict), {settings.Connections} workers each sending its next grant when the last was answered, "
                + $"the demo's {clients.Count} city-node clients in turn ({string.Join(", ", clients.Select(c => c.ClientId))}), each with its secret in the form (`client_secret_post`), from {Generator} in the bench process.",
                "Directly at the Registry, not through the gateway: the goal is the issuer's, and its CPU per grant is the Registry's alone (server CPU per request). Every answer must be 200 with a token; any other counts as an error and misses the goal.",
                $"No baseline: no other grant at the same endpoint is cheaper without changing how the Registry keeps secrets, which this scenario only measures; the goal is issue 19's absolute ≥ {Figures.Format(GoalPerSecond)} grants a second, judged over {settings.Pairs} run(s) by their median "
                + "(inconclusive where the runs spread wider than the median lies from the goal).",
            ],
        };
    }
}
