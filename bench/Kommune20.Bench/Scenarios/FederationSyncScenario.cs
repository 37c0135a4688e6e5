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
/// every node uses, its city's credential), against a bulk copy of the same rows into a database with Federation's
/// schema; once with Federation on SQLite (the hub's default), once with Federation restarted on PostgreSQL. On SQLite
/// once more straight to Federation's gRPC port, to show what the gateway adds.
/// </summary>
public sealed class FederationSyncScenario : IScenario
{
    internal const int Changes = 10_000;
    const int WarmupChanges = 200;
    const double RatioLimit = 3;

    /// <summary>Practice numbers after those the library scenario loads, so the library meets new practices.</summary>
    const int FirstPractice = 200_000;

    static readonly string[] Cities = ["node-heidelberg", "node-pforzheim", "node-heilbronn", "node-freiburg"];
    public string Id => "federation-sync";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var postgres = context.Postgres ?? throw new InvalidOperationException(
            "The federation sync needs a PostgreSQL server for its second database: pass --postgres or set K20_BENCH_POSTGRES (./kommune20 bench starts one).");
        using var gatewayChannel = GrpcChannels.Open(hub.GatewayGrpc);
        using var directChannel = GrpcChannels.Open(hub.FederationGrpc);
        var throughGateway = new FederationGrpcClient(gatewayChannel);

        DatabaseRun onSqlite;
        await using (var bulk = await ReplicaBulkCopy.OnSqliteAsync(Path.Combine(hub.DataDirectory, "bulk-copy"), cancellationToken))
            onSqlite = await RunOnAsync("SQLite", 0, context, throughGateway, bulk, new FederationGrpcClient(directChannel), cancellationToken);

        // Federation on PostgreSQL for the second run, a database of the hub's own; afterwards it is started again as it
        // was (its SQLite file untouched), since later scenarios use Federation.
        DatabaseRun onPostgres;
        await context.SettleAsync(cancellationToken);
        await hub.RestartAsync("federation", hub.DatabaseSettings("federation", postgres));
        try
        {
            await using var bulk = await ReplicaBulkCopy.OnPostgresAsync($"{postgres};Database=federation_bulk_{hub.MessagingInstance}", cancellationToken);
            onPostgres = await RunOnAsync("PostgreSQL", 1, context, throughGateway, bulk, direct: null, cancellationToken);
        }
        finally
        {
            await hub.RestartAsync("federation");
        }
        var settled = await context.SettleAsync(cancellationToken);

        DatabaseRun[] runs = [onSqlite, onPostgres];
        IReadOnlyList<Check> checks = [.. runs.Select(run => Check.OfPairs($"{run.Database}: catch-up / bulk copy of the same rows",
            [.. run.CatchUps.Select((round, i) => Check.Ratio(round.Milliseconds, run.Copies[i].Elapsed.TotalMilliseconds))], "x",
            GoalDirection.Under, RatioLimit, Failures(run.CatchUps, run.Copies)))];

        // A profile of the hub as it runs after the scenario: Federation on SQLite.
        var processes = FederationAndGateway(hub);
        var profileCity = await CityAsync(hub, Cities[0], cancellationToken);
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes, () => new ChangePusher(throughGateway, profileCity.Token.GetAsync).PushPendingAsync(
            new QueuedChangeLog(profileCity.MemberId, NodeChanges.Of(GeneratedPractices.Publications(profileCity.MemberId, FirstPractice, Changes, Changes + 1, revision: 1))),
            cancellationToken), cancellationToken);

        var rounds = context.Settings.SyncRounds;
        return new ScenarioResult(Id, "Federation: a city node catches up with 10,000 changes", "a bulk copy of the same rows into Federation's schema, on SQLite and on PostgreSQL")
        {
            Measurements = [.. runs.SelectMany(Measurements)],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"A node ({string.Join(", ", onSqlite.CatchUps.Select(round => round.City))} through the gateway, {onSqlite.Direct!.City} directly) with {Changes:N0} queued practice publications pushes them with the nodes' push client (`ChangePusher`, batches of {ChangePusher.DefaultBatchSize} on one gRPC stream, the city's client-credentials token) until the hub has acknowledged the last; latency columns are the catch-up times in ms, throughput is {Changes:N0} changes over the median. Server CPU per change: Federation's and the gateway's (directly: Federation's) average CPU share over that throughput.",
                "Catch-up, the hub's side: the node sends a batch and waits for its acknowledgement before the next; the hub takes each batch through its apply rules (cursor, version check, validation) in the replica writer's group commit, which writes each replica (a row in `replicas`: primary key origin, kind, id; an index on kind and title), its outbox event (`outbox_messages`: identity key, unique message id, indexes on sent and dead-lettered) and the cursor (`feed_cursors`) with one EF Core SaveChanges, a transaction per group of concurrent batches: with one node, a transaction per batch. The outbox publishes to RabbitMQ meanwhile, and the library consumes and indexes what it announces.",
                $"Bulk copy, the baseline: the same {Changes:N0} replica rows, their {Changes:N0} outbox events (staged by Federation's own `ReplicaAnnouncements`) and the cursor, made before the clock starts, then copied in one transaction into a database with Federation's migrations (the same tables and indexes), in the bench process, with linq2db's BulkCopy over the Federation service's EF Core model (linq2db.EntityFrameworkCore): on SQLite multi-row INSERT statements into a file of its own in WAL mode (SQLite has no bulk protocol), on PostgreSQL the binary COPY protocol into a database of its own on the same server as Federation's. Timed: the copy and the commit. Checked after each copy (not timed): the origin's live replicas, the unsent events and the cursor; a row short counts as a failure of the goal.",
                $"SQLite: Federation as the hub runs it (its SQLite file, WAL). PostgreSQL: the hub's Federation restarted with `Database:Provider`=Postgres on a fresh database of the bench's throwaway PostgreSQL (started by `./kommune20 bench` as `./kommune20 test` starts its own; fsync and synchronous commit off, as there), warmed up again, and afterwards started again on its SQLite file. On PostgreSQL the same cities catch up with other practices (Federation's database is new, so are their cursors), and there is no direct round.",
                $"Per database, catch-up and bulk copy in turns, {rounds} pair(s): each round waits for the hub to settle, catches up, waits again, then copies that round's rows; the goal is the median of the pairs' ratios; where they spread wider than the median lies from the goal the verdict is inconclusive, and a rejected change or a missing row misses it. A warm-up of {WarmupChanges} changes each way comes first on each database.",
                SettleNote(context.Settings.SettleLongest, settled),
                .. runs.SelectMany(run => run.CatchUps.Concat(run.Direct is null ? [] : [run.Direct])
                    .Select(round => $"{run.Database}, {round.City}: acknowledged {round.Acknowledged:N0}, {round.Rejected} rejected.")),
                .. runs.Select(run => $"{run.Database}, bulk copies ({string.Join(", ", run.Copies.Select(copy => $"{copy.Elapsed.TotalMilliseconds:0} ms"))}): "
                    + string.Join("; ", run.Copies.Select(copy => $"{copy.Replicas:N0} replicas, {copy.Events:N0} events, cursor at {copy.Acknowledged:N0}")) + "."),
            ],
        };
    }

    /// <summary>One database's rounds: the catch-ups, the bulk copy after each, and on SQLite the catch-up straight to Federation.</summary>
    sealed record DatabaseRun(string Database, IReadOnlyList<Round> CatchUps, IReadOnlyList<BulkCopied> Copies, Round? Direct);

    sealed record City(string Name, Guid MemberId, ClientCredentialsToken Token);

    sealed record Round(string City, double Milliseconds, long Acknowledged, int Rejected, IReadOnlyDictionary<string, double> Cpu);

    /// <summary>
    /// Warm-up, then in turns per round: settle, catch up through the gateway, settle, bulk-copy the round's rows; with a
    /// <paramref name="direct"/> client one more catch-up straight to Federation. <paramref name="database"/> (0, 1) picks
    /// practice numbers of its own.
    /// </summary>
    static async Task<DatabaseRun> RunOnAsync(string name, int database, BenchContext context, FederationGrpcClient throughGateway, ReplicaBulkCopy bulk,
        FederationGrpcClient? direct, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var rounds = context.Settings.SyncRounds;
        var processes = FederationAndGateway(hub);
        Console.WriteLine($"    {name}:");

        // Warm-up, not measured: the push path through the gateway and the bulk copy once each, on the last city's log.
        var warmCity = await CityAsync(hub, Cities[rounds], cancellationToken);
        var warmLog = GeneratedPractices.Publications(warmCity.MemberId, FirstPracticeOf(database, rounds, rounds), WarmupChanges + Changes);
        await new ChangePusher(throughGateway, warmCity.Token.GetAsync).PushPendingAsync(new QueuedChangeLog(warmCity.MemberId, NodeChanges.Of(warmLog.Take(WarmupChanges).ToList())), cancellationToken);
        var nobody = Guid.NewGuid();
        await bulk.CopyAsync(nobody, GeneratedPractices.Publications(nobody, 0, WarmupChanges), cancellationToken);

        var catchUps = new List<Round>();
        var copies = new List<BulkCopied>();
        for (var round = 0; round < rounds; round++)
        {
            await context.SettleAsync(cancellationToken);
            var city = await CityAsync(hub, Cities[round], cancellationToken);
            var publications = GeneratedPractices.Publications(city.MemberId, FirstPracticeOf(database, round, rounds), Changes);
            catchUps.Add(await CatchUpAsync(throughGateway, city, NodeChanges.Of(publications), processes, cancellationToken));
            await context.SettleAsync(cancellationToken);
            copies.Add(await bulk.CopyAsync(city.MemberId, publications, cancellationToken));
            Console.WriteLine($"    round {round + 1}: catch-up {catchUps[^1].Milliseconds:0} ms, bulk copy {copies[^1].Elapsed.TotalMilliseconds:0} ms");
        }
        if (direct is null)
            return new DatabaseRun(name, catchUps, copies, null);
        await context.SettleAsync(cancellationToken);
        var directRound = await CatchUpAsync(direct, warmCity, NodeChanges.Of(warmLog), processes, cancellationToken);
        Console.WriteLine($"    directly to Federation: catch-up {directRound.Milliseconds:0} ms");
        return new DatabaseRun(name, catchUps, copies, directRound);
    }

    /// <summary>
    /// The first practice number of a round's log (<paramref name="round"/> = rounds: the warm-up city's, <see cref="WarmupChanges"/>
    /// longer) on the <paramref name="database"/>-th database: no two logs of the scenario share a practice.
    /// </summary>
    internal static int FirstPracticeOf(int database, int round, int rounds) => FirstPractice + (database * (rounds + 2) + round) * Changes;

    /// <summary>What misses a database's goal whatever the ratio: changes the hub rejected, and rows a bulk copy did not leave.</summary>
    static long Failures(IEnumerable<Round> catchUps, IEnumerable<BulkCopied> copies) =>
        catchUps.Sum(round => round.Rejected) + MissingRows(copies, Changes);

    /// <summary>The replicas, events and cursor versions short of <paramref name="changes"/> per copy.</summary>
    internal static long MissingRows(IEnumerable<BulkCopied> copies, int changes) =>
        copies.Sum(copy => Math.Max(0, changes - copy.Replicas) + Math.Max(0, changes - copy.Events) + Math.Max(0, changes - copy.Acknowledged));

    static IReadOnlyList<Measurement> Measurements(DatabaseRun run)
    {
        var copies = run.Copies.Select(copy => copy.Elapsed.TotalMilliseconds).ToList();
        IReadOnlyList<Measurement> measured =
        [
            Measured($"{run.Database}: catch-up through the gateway ({run.CatchUps.Count} × {Changes:N0})", run.CatchUps).WithServerCpu("federation", "gateway"),
            new($"{run.Database}: bulk copy of the same rows ({copies.Count} × {Changes:N0})")
            {
                Throughput = Changes / (Percentiles.Of(copies).P50 / 1000),
                ThroughputUnit = "changes/s",
                Latency = Percentiles.Of(copies),
                Errors = MissingRows(run.Copies, Changes),
            },
        ];
        return run.Direct is null ? measured : [.. measured, Measured($"{run.Database}: catch-up directly to Federation (1 × {Changes:N0})", [run.Direct]).WithServerCpu("federation")];
    }

    static Dictionary<string, int> FederationAndGateway(Hub hub) =>
        new() { ["federation"] = hub.Process("federation").Id, ["gateway"] = hub.Process("gateway").Id };

    static string SettleNote(TimeSpan longest, TimeSpan settled) =>
        longest == TimeSpan.Zero ? "A quick run does not wait for the hub to go idle between loads."
        : $"Each catch-up and each bulk copy starts on an idle hub (every process under a tenth of a core for a second, waiting at most {longest.TotalSeconds:0} s). "
          + (settled < longest
              ? $"After the last push the hub took {settled.TotalSeconds:0} s to go idle: publishing the events and the library indexing the practices they announced."
              : $"After the last push the hub was still busy {settled.TotalSeconds:0} s later (publishing the events, the library indexing the practices they announced).");

    static async Task<City> CityAsync(Hub hub, string clientId, CancellationToken cancellationToken)
    {
        var client = hub.Credentials.ClientNamed(clientId);
        var token = IssuedTokens.Renewing(hub.Gateway, client.ClientId, client.ClientSecret);
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
