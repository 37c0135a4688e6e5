using System.Diagnostics;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Federation.Client;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Germany's 10,800 municipalities as a fleet of light federation clients in one process (each with its own cursor,
/// credential and push loop over one shared HTTP/2 channel to the gateway), each with five changes queued while the
/// whole hub was down (the Registry, Federation and the gateway, killed at once); when it is back every city signs in
/// again through the gateway and pushes, all at once. Measures the time until the hub has acknowledged every change,
/// the slowest city's wait and the peak memory of Federation and the gateway.
/// </summary>
public sealed class FederationFleetScenario : IScenario
{
    const double LimitSeconds = 60;
    const double FederationPeakMb = 600;
    const double GatewayPeakMb = 400;
    const int RegistrationParallelism = 8;

    /// <summary>Practice numbers of their own, two per city.</summary>
    const int FirstPractice = 300_000;

    static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    static readonly TimeSpan PollInterval = TimeSpan.FromHours(1);
    /// <summary>The hub's processes whose CPU a change costs (as in the network relay; the library indexes afterwards).</summary>
    static readonly string[] HubCpu = ["federation", "gateway", "registry"];

    public string Id => "federation-fleet";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var cities = SimulatedMunicipalities.First(context.Settings.FleetCities);
        var changes = cities.Count * NodeChanges.PerOutage;

        var office = hub.Credentials.ClientNamed("office-integration");
        var setup = Stopwatch.StartNew();
        var registered = await CityRegistration.RegisterAsync(hub.Registry, await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret), cities,
            RegistrationParallelism, cancellationToken);
        var registering = setup.Elapsed;
        Console.WriteLine($"    {cities.Count:N0} cities registered in {registering.TotalSeconds:0} s");
        var atRest = ProcFs.ResidentMb(hub.Process("federation").Id);
        var gatewayAtRest = ProcFs.ResidentMb(hub.Process("gateway").Id);
        await context.SettleAsync(cancellationToken);

        // The outage: the Registry, Federation and the gateway go down at once (killed, as in a power cut) and come back,
        // the Registry first; the cities' changes queued meanwhile. No city holds a token any more: each first push signs
        // in again at the gateway's token endpoint.
        var outage = Stopwatch.StartNew();
        await hub.RestartTogetherAsync("registry", "federation", "gateway");
        var restart = outage.Elapsed;
        var tokens = registered.Select(city => IssuedTokens.Renewing(hub.Gateway, city.City.ClientId, city.ClientSecret)).ToList();
        using var channel = GrpcChannels.Open(hub.GatewayGrpc);
        var federationClient = new FederationGrpcClient(channel);
        var logs = registered.Select(city => new QueuedChangeLog(city.MemberId, NodeChanges.QueuedDuringOutage(city.City, FirstPractice + 2 * city.City.Number))).ToList();
        var reconnect = await ReconnectAsync(hub, federationClient, tokens, logs, cancellationToken);
        var (waits, cpu, _, _) = reconnect;
        var federation = hub.Process("federation").Id;
        var highWater = ProcFs.PeakResidentMb(federation);
        var gatewayHighWater = ProcFs.PeakResidentMb(hub.Process("gateway").Id);
        var rejected = logs.Sum(log => log.Rejected);
        var allSeconds = waits.SlowestMs / 1000;
        Console.WriteLine($"    {waits.Acknowledged:N0} of {cities.Count:N0} cities acknowledged ({waits.Starved:N0} starved, {waits.Failed:N0} failed), "
            + $"slowest after {allSeconds:0.0} s; peaks: Federation {highWater:0} MB, gateway {gatewayHighWater:0} MB");

        IReadOnlyList<Check> checks =
        [
            new($"time until the hub acknowledged all {changes:N0} changes", allSeconds, "s", GoalDirection.Under, LimitSeconds),
            new("share of cities acknowledged in full (none starved, none failed)", waits.AcknowledgedShare, "", GoalDirection.AtLeast, 1),
            new("Federation's peak memory during the reconnect (VmHWM)", highWater, "MB", GoalDirection.Under, FederationPeakMb),
            new("the gateway's peak memory during the reconnect (VmHWM)", gatewayHighWater, "MB", GoalDirection.Under, GatewayPeakMb),
        ];
        var secondWave = registered.Select(city => new QueuedChangeLog(city.MemberId,
        [
            .. NodeChanges.QueuedDuringOutage(city.City, FirstPractice + 2 * city.City.Number),
            .. NodeChanges.QueuedDuringOutage(city.City, FirstPractice + 2 * city.City.Number, NodeChanges.PerOutage + 1),
        ])).ToList();
        var profile = await context.ProfileIfMissedAsync(Id, checks, new Dictionary<string, int> { ["federation"] = federation, ["gateway"] = hub.Process("gateway").Id },
            () => ReconnectAsync(hub, federationClient, tokens, secondWave, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Federation: 10,800 municipalities reconnect after the whole hub restarted", "none (the goals are absolute: under 60 s on this machine, peaks under 600 and 400 MB)")
        {
            Measurements =
            [
                new Measurement($"{cities.Count:N0} cities × {NodeChanges.PerOutage} changes, all at once")
                {
                    Throughput = waits.Acknowledged * NodeChanges.PerOutage / allSeconds,
                    ThroughputUnit = "changes/s",
                    Latency = waits.Latency,
                    Errors = waits.Starved + waits.Failed + rejected,
                    CpuPercent = cpu,
                    ServerCpuMs = reconnect.CpuMsPerChange(HubCpu, changes),
                },
                new Measurement("Federation at rest before the outage (VmRSS)") { ResidentMb = atRest },
                new Measurement("Federation, peak during the reconnect (VmHWM)") { ResidentMb = highWater },
                new Measurement("gateway at rest before the outage (VmRSS)") { ResidentMb = gatewayAtRest },
                new Measurement("gateway, peak during the reconnect (VmHWM)") { ResidentMb = gatewayHighWater },
            ],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"{cities.Count:N0} simulated municipalities (members of kind city with an AGS of their Land) registered through the Registry's office API with a node credential each ({registering.TotalSeconds:0} s). After the restart each city's first push fetches a new token with its client credentials at the gateway's `/connect/token` (its shared secret, as nodes sign in today), so the wait includes signing in.",
                $"One fleet process (the bench): per city a `PushLoop` with its own `ChangePusher` token and an in-memory change log, all over one gRPC channel to the gateway's HTTP/2 port that opens further connections beyond 100 streams each. Queued per city: a practice published and edited, the city profile, a pilot-project update, a second practice.",
                $"The outage: the Registry, Federation and the gateway killed at the same moment and started again in that order, each ready before the next ({restart.TotalSeconds:0.0} s until all were); then every city's loop starts at the same instant. Latency columns are the cities' waits from that instant until the hub had acknowledged all five of their changes; a city not answered within {GiveUpAfter.TotalMinutes:0} min counts as starved, a city whose every change was rejected as failed, and both stay in the percentiles (and the slowest wait) at {GiveUpAfter.TotalMinutes:0} min.",
                "The whole hub runs meanwhile: the outbox publishes the events, the library consumes the practice events and asks the Registry who each new city is. CPU columns: percent of one core over the reconnect; server CPU per change: Federation's, the gateway's and the Registry's CPU time over the reconnect divided by the changes.",
                $"{rejected} changes were rejected by the hub.",
                "One run: the goals are absolute, and the reconnect after an outage needs the fleet's cities with their changes still unsent, which only the first reconnect has.",
            ],
        };
    }

    /// <summary>Every city's push loop over the one channel, each with the city's own token.</summary>
    static Task<FleetPushResult> ReconnectAsync(Hub hub, FederationGrpcClient federation, IReadOnlyList<ClientCredentialsToken> tokens,
        IReadOnlyList<QueuedChangeLog> logs, CancellationToken cancellationToken) =>
        FleetPush.RunAsync(hub, logs.Select((log, i) => new PushLoop(new ChangePusher(federation, tokens[i].GetAsync), log, PollInterval)).ToList(), logs,
            GiveUpAfter, cancellationToken);
}
