using System.Diagnostics;
using Kommune20.Bench.InProcess;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// A city node with 10,000 queued practice publications catches up with the hub through the gateway (the push client
/// every node uses, its city's credential), against inserting the same rows into the hub's database in bulk; once more
/// straight to Federation's gRPC port, to show what the gateway adds.
/// </summary>
public sealed class FederationSyncScenario : IScenario
{
    const int Changes = 10_000;
    const int WarmupChanges = 200;
    const double RatioLimit = 3;

    /// <summary>Practice numbers after those the library scenario loads, so the library meets new practices.</summary>
    const int FirstPractice = 200_000;

    static readonly string[] Cities = ["node-heidelberg", "node-pforzheim", "node-heilbronn", "node-freiburg"];
    static readonly HttpClient TokenHttp = new();

    public string Id => "federation-sync";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var rounds = context.Settings.SyncRounds;
        using var gatewayChannel = GrpcChannels.Open(hub.GatewayGrpc);
        using var directChannel = GrpcChannels.Open(hub.FederationGrpc);
        var throughGateway = new FederationGrpcClient(gatewayChannel);
        var direct = new FederationGrpcClient(directChannel);
        await using var bulk = await ReplicaBulkInsert.CreateAsync(Path.Combine(hub.DataDirectory, "bulk-insert"), cancellationToken);
        var processes = new Dictionary<string, int> { ["federation"] = hub.Process("federation").Id, ["gateway"] = hub.Process("gateway").Id };

        // Warm-up, not measured: the push path through the gateway and the bulk insert once each, on the last city's log.
        var warmCity = await CityAsync(hub, Cities[rounds], cancellationToken);
        var warmLog = GeneratedPractices.Publications(warmCity.MemberId, FirstPractice + rounds * Changes, WarmupChanges + Changes);
        await new ChangePusher(throughGateway, warmCity.Token.GetAsync).PushPendingAsync(new QueuedChangeLog(warmCity.MemberId, NodeChanges.Of(warmLog.Take(WarmupChanges).ToList())), cancellationToken);
        var nobody = Guid.NewGuid();
        await bulk.InsertAsync(nobody, GeneratedPractices.Publications(nobody, 0, WarmupChanges), cancellationToken);

        var catchUps = new List<Round>();
        var inserts = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            await context.SettleAsync(cancellationToken);
            var city = await CityAsync(hub, Cities[round], cancellationToken);
            var publications = GeneratedPractices.Publications(city.MemberId, FirstPractice + round * Changes, Changes);
            catchUps.Add(await CatchUpAsync(throughGateway, city, NodeChanges.Of(publications), processes, cancellationToken));
            inserts.Add((await bulk.InsertAsync(city.MemberId, publications, cancellationToken)).TotalMilliseconds);
            Console.WriteLine($"    round {round + 1}: catch-up {catchUps[^1].Milliseconds:0} ms, bulk insert {inserts[^1]:0} ms");
        }
        await context.SettleAsync(cancellationToken);
        var directRound = await CatchUpAsync(direct, warmCity, NodeChanges.Of(warmLog), processes, cancellationToken);
        Console.WriteLine($"    directly to Federation: catch-up {directRound.Milliseconds:0} ms");
        var settled = await context.SettleAsync(cancellationToken);

        var gatewayMeasured = Measured($"catch-up through the gateway ({rounds} × {Changes:N0})", catchUps).WithServerCpu("federation", "gateway");
        var directMeasured = Measured($"catch-up directly to Federation (1 × {Changes:N0})", [directRound]).WithServerCpu("federation");
        var insertMeasured = new Measurement($"bulk insert of the same rows ({rounds} × {Changes:N0})")
        {
            Throughput = Changes / (Percentiles.Of(inserts).P50 / 1000),
            ThroughputUnit = "changes/s",
            Latency = Percentiles.Of(inserts),
        };
        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("catch-up / bulk insert of the same rows", [.. catchUps.Select((round, i) => Check.Ratio(round.Milliseconds, inserts[i]))], "x",
                GoalDirection.Under, RatioLimit, catchUps.Sum(round => round.Rejected)),
        ];

        var profileCity = await CityAsync(hub, Cities[0], cancellationToken);
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes, () => new ChangePusher(throughGateway, profileCity.Token.GetAsync).PushPendingAsync(
            new QueuedChangeLog(profileCity.MemberId, NodeChanges.Of(GeneratedPractices.Publications(profileCity.MemberId, FirstPractice, Changes, Changes + 1, revision: 1))),
            cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Federation: a city node catches up with 10,000 changes", "inserting the same rows into the hub's database in bulk")
        {
            Measurements = [gatewayMeasured, insertMeasured, directMeasured],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"A node ({string.Join(", ", catchUps.Select(round => round.City))} through the gateway, {directRound.City} directly) with {Changes:N0} queued practice publications pushes them with the nodes' push client (`ChangePusher`, batches of {ChangePusher.DefaultBatchSize} on one gRPC stream, the city's client-credentials token) until the hub has acknowledged the last; latency columns are the catch-up times in ms, throughput is {Changes:N0} changes over the median. Server CPU per change: Federation's and the gateway's (directly: Federation's) average CPU share over that throughput.",
                "The hub applies each batch with its apply rules (cursor, version check, validation) in the replica writer's group commit: replica, outbox event and cursor in one transaction; the outbox publishes to RabbitMQ meanwhile, and the library consumes and indexes what it announces.",
                $"Bulk insert: the same {Changes:N0} replica rows with their outbox events and the cursor, one SaveChanges on the Federation service's own `FederationDb` (EF Core, SQLite, WAL) in a database file of its own, in the bench process, after each round.",
                $"Catch-up and bulk insert in turns, {rounds} pair(s) (each round's catch-up and the insert of its rows after it): the goal is the median of the pairs' ratios; where they spread wider than the median lies from the goal the verdict is inconclusive, and a rejected change misses it.",
                SettleNote(context.Settings.SettleLongest, settled),
                .. catchUps.Concat([directRound]).Select(round => $"{round.City}: acknowledged {round.Acknowledged:N0}, {round.Rejected} rejected."),
            ],
        };
    }

    sealed record City(string Name, Guid MemberId, ClientCredentialsToken Token);

    static string SettleNote(TimeSpan longest, TimeSpan settled) =>
        longest == TimeSpan.Zero ? "A quick run does not wait for the hub to go idle between loads."
        : $"Each round starts on an idle hub (every process under a tenth of a core for a second, waiting at most {longest.TotalSeconds:0} s). "
          + (settled < longest
              ? $"After the last push the hub took {settled.TotalSeconds:0} s to go idle: publishing the events and the library indexing the practices they announced."
              : $"After the last push the hub was still busy {settled.TotalSeconds:0} s later (publishing the events, the library indexing the practices they announced).");

    sealed record Round(string City, double Milliseconds, long Acknowledged, int Rejected, IReadOnlyDictionary<string, double> Cpu);

    static async Task<City> CityAsync(Hub hub, string clientId, CancellationToken cancellationToken)
    {
        var client = hub.Credentials.ClientNamed(clientId);
        var token = new ClientCredentialsToken(TokenHttp, new Uri(hub.Gateway, "/connect/token"), client.ClientId,
            _ => ValueTask.FromResult(client.ClientSecret), TimeProvider.System);
        await token.GetAsync(cancellationToken);
        return new City(client.Member, client.MemberId, token);
    }

    static async Task<Round> CatchUpAsync(FederationGrpcClient hub, City city, IReadOnlyList<Change> changes, IReadOnlyDictionary<string, int> processes,
        CancellationToken cancellationToken)
    {
        var log = new QueuedChangeLog(city.MemberId, changes);
        var meter = new CpuMeter().Watch("bench", Environment.ProcessId);
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        var started = Stopwatch.GetTimestamp();
        var (_, cpu) = await meter.MeasureAsync(() => new ChangePusher(hub, city.Token.GetAsync).PushPendingAsync(log, cancellationToken), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started, await log.CaughtUp).TotalMilliseconds;
        return new Round(city.Name, elapsed, log.Acknowledged, log.Rejected, cpu);
    }

    static Measurement Measured(string label, IReadOnlyList<Round> rounds)
    {
        var latency = Percentiles.Of(rounds.Select(round => round.Milliseconds).ToList());
        return new Measurement(label)
        {
            Throughput = Changes / (latency.P50 / 1000),
            ThroughputUnit = "changes/s",
            Latency = latency,
            Errors = rounds.Sum(round => round.Rejected),
            CpuPercent = rounds.SelectMany(round => round.Cpu).GroupBy(cpu => cpu.Key).ToDictionary(cpu => cpu.Key, cpu => Math.Round(cpu.Average(c => c.Value), 1)),
        };
    }
}
