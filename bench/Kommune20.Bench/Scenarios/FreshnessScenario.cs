using System.Collections.Concurrent;
using System.Diagnostics;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Federation.Client;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Freshness of the library: 100 cities' nodes edit their practices, 100 edits a second between them, and each edit is
/// measured from the instant it was made at its node until the library's search through the gateway finds it: the
/// node's push loop, the gateway, Federation's apply and outbox, the broker, the library's consumer and its indexer.
/// </summary>
public sealed class FreshnessScenario : IScenario
{
    const double EditsPerSecond = 100;
    const int Cities = 100;
    const double LimitMs = 1000;
    const int RegistrationParallelism = 8;

    /// <summary>Simulated municipalities of their own, between the pilot projects' (from 13,000) and the live room's (from 14,000).</summary>
    const int FirstCity = 13_500;

    /// <summary>Practice numbers of their own, after the network relay's.</summary>
    const int FirstPractice = 500_000;

    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    static readonly TimeSpan PollInterval = TimeSpan.FromHours(1);
    public string Id => "freshness";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var settings = context.Settings;
        var perCity = (int)Math.Ceiling(Math.Max(settings.Warmup.TotalSeconds, settings.Duration.TotalSeconds) * EditsPerSecond / Cities);

        // Setup, not measured: the cities registered with node credentials, signed in, and their practices published.
        var office = hub.Credentials.ClientNamed("office-integration");
        var setup = Stopwatch.StartNew();
        var cities = await CityRegistration.RegisterAsync(hub.Registry, await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret),
            Enumerable.Range(FirstCity, Cities).Select(SimulatedMunicipalities.City).ToList(), RegistrationParallelism, cancellationToken);
        var tokens = cities.Select(city => IssuedTokens.Renewing(hub.Gateway, city.City.ClientId, city.ClientSecret)).ToList();
        await Parallel.ForEachAsync(tokens, new ParallelOptions { MaxDegreeOfParallelism = RegistrationParallelism, CancellationToken = cancellationToken },
            async (token, ct) => await token.GetAsync(ct));

        using var channel = GrpcChannels.Open(hub.GatewayGrpc);
        var federation = new FederationGrpcClient(channel);
        var logs = cities.Select(city => new EditedChangeLog(city.MemberId)).ToList();
        var loops = logs.Select((log, i) => new PushLoop(new ChangePusher(federation, tokens[i].GetAsync), log, PollInterval)).ToList();
        var publishedAt = DateTimeOffset.UtcNow;
        for (var city = 0; city < Cities; city++)
        {
            for (var slot = 0; slot < perCity; slot++)
            {
                var number = FirstPractice + city * perCity + slot;
                logs[city].Append(version => RecordMessages.Published(GeneratedPractices.OriginId(number), version, publishedAt, GeneratedPractices.Practice(number)));
            }
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pushing = loops.Select(loop => loop.RunAsync(stop.Token)).ToList();
        await WaitAsync(() => logs.All(log => log.Acknowledged == perCity), GiveUpAfter, "The hub did not acknowledge the cities' first practices", cancellationToken);
        Console.WriteLine($"    {Cities} cities registered, signed in and {Cities * perCity:N0} practices published in {setup.Elapsed.TotalSeconds:0} s");

        using var probe = new FreshnessProbe(hub.Gateway);
        var probing = probe.RunAsync(stop.Token);
        await context.SettleAsync(cancellationToken);

        var nextEdit = 0;
        var meter = new CpuMeter().Watch("bench", Environment.ProcessId);
        foreach (var name in new[] { "gateway", "federation", "library", "registry" })
            meter.Watch(name, hub.Process(name).Id);

        async Task<Round> RoundAsync(string label, TimeSpan duration)
        {
            var edits = new ConcurrentBag<Edit>();
            var ((sent, failed), cpu) = await meter.MeasureAsync(() => PacedLoad.RunAsync(EditsPerSecond, duration, Cities, (due, _) =>
            {
                var edit = Interlocked.Increment(ref nextEdit) - 1;
                var city = edit % Cities;
                var number = FirstPractice + city * perCity + edit / Cities % perCity;
                var practice = GeneratedPractices.Practice(number, revision: 1 + edit / Cities);
                var marker = EditMarkers.Of(edit);
                probe.Await(marker, due);
                var version = logs[city].Append(v => RecordMessages.Published(GeneratedPractices.OriginId(number), v, DateTimeOffset.UtcNow,
                    practice with { Title = EditMarkers.Title(practice.Title, edit) }));
                loops[city].Wake();
                edits.Add(new Edit(marker, city, version, due));
                return Task.CompletedTask;
            }, cancellationToken), cancellationToken);

            var lastEdit = Stopwatch.GetTimestamp();
            while (probe.Awaited > 0 && Stopwatch.GetElapsedTime(lastEdit) < GiveUpAfter)
                await Task.Delay(FreshnessProbe.PollEvery, cancellationToken);
            var gaveUpAt = Stopwatch.GetTimestamp();
            var found = Freshness.Of([.. edits.Select(edit => (edit.EditedAt, probe.Forget(edit.Marker)))], gaveUpAt);
            var acknowledged = Freshness.Of([.. edits.Select(edit => (edit.EditedAt, logs[edit.City].AcknowledgedAt(edit.Version)))], gaveUpAt);
            var round = new Round(label, sent / duration.TotalSeconds, found, acknowledged, failed, cpu);
            Console.WriteLine($"    {label}: {found.Edits} edits, found after p50 {Figures.Format(found.Latency.P50)} ms, p99 {Figures.Format(found.Latency.P99)} ms, "
                + $"{found.Missed} not found; acknowledged after p50 {Figures.Format(acknowledged.Latency.P50)} ms, p99 {Figures.Format(acknowledged.Latency.P99)} ms; "
                + $"{probe.Searches:N0} searches so far, {probe.Errors:N0} failed");
            return round;
        }

        await RoundAsync("warm-up", settings.Warmup);
        var libraryHolds = await PublicLibrary.PracticesAsync(hub.Gateway, cancellationToken);
        var rounds = new List<Round>();
        for (var round = 0; round < settings.Pairs; round++)
            rounds.Add(await RoundAsync($"round {round + 1}", settings.Duration));
        var rejected = logs.Sum(log => log.Rejected);
        var errors = rounds.Sum(round => round.Found.Missed + round.Failed) + rejected + probe.Errors;

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs($"p99 from a node's edit until the library's search finds it, {EditsPerSecond:0} edits/s",
                [.. rounds.Select(round => round.Found.Latency.P99)], "ms", GoalDirection.Under, LimitMs, errors),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks,
            new Dictionary<string, int> { ["library"] = hub.Process("library").Id, ["federation"] = hub.Process("federation").Id },
            () => RoundAsync("profiled", settings.Duration), cancellationToken);

        await stop.CancelAsync();
        await Task.WhenAll([.. pushing, probing]);

        return new ScenarioResult(Id, "Freshness: from a node's edit until the library's search finds it", "none (the goal is absolute: p99 under 1 s)")
        {
            Measurements =
            [
                .. rounds.SelectMany(round => new[]
                {
                    new Measurement($"{round.Label}: edit → found by the search") { Throughput = round.EditsPerSecond, ThroughputUnit = "edits/s", Latency = round.Found.Latency, Errors = round.Found.Missed + round.Failed, CpuPercent = round.Cpu },
                    new Measurement($"{round.Label}: edit → acknowledged by the hub") { Latency = round.Acknowledged.Latency, Errors = round.Acknowledged.Missed },
                }),
            ],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"{Cities} simulated municipalities (registered through the Registry's office API with a node credential each, signed in through the gateway) each publish {perCity} practices first (not measured); after the warm-up the library listed {libraryHolds:N0} public practices.",
                $"Each node is the push client every node runs (`PushLoop` with `ChangePusher`, woken by each edit and pausing 200 ms after a push as in every node, with its city's token) over an in-memory change log in the bench process, all over one gRPC channel to the gateway. The edits come at a fixed rate of {EditsPerSecond:0} a second (`PacedLoad`), in turns over the cities (one a second each), each a new version of one of its city's practices whose title carries a word of its own.",
                $"An edit counts from the instant it was due (a stall of the bench counts against the hub) until a search for its word through the gateway (`GET /api/library/practices?q=…`, anonymous) first had it: one search every {FreshnessProbe.PollEvery.TotalMilliseconds:0} ms per {EditMarkers.PerSearch} edits still awaited, so a figure can be up to that much late. {probe.Searches:N0} searches, {probe.Errors} failed.",
                $"A warm-up of {settings.Warmup.TotalSeconds:0} s, then {settings.Pairs} measured round(s) of {settings.Duration.TotalSeconds:0} s; the goal is the median of the rounds' p99 (there is no baseline to alternate with: the goal is absolute), inconclusive where the rounds spread wider than it lies from the goal. An edit not found within {GiveUpAfter.TotalSeconds:0} s after a round's last edit counts as an error and with its wait until then.",
                "Acknowledged: from the edit until the hub acknowledged its version to the node (the node's batching, the gateway, Federation's apply); the rest of the time to found is the outbox, the broker, the library's consumer and its index.",
                $"{rejected} edits were rejected by the hub.",
            ],
        };
    }

    sealed record Edit(string Marker, int City, long Version, long EditedAt);

    sealed record Round(string Label, double EditsPerSecond, Freshness Found, Freshness Acknowledged, long Failed, IReadOnlyDictionary<string, double> Cpu);

    static async Task WaitAsync(Func<bool> done, TimeSpan longest, string failure, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!done())
        {
            if (Stopwatch.GetElapsedTime(started) > longest)
                throw new TimeoutException($"{failure} within {longest.TotalSeconds:0} s.");
            await Task.Delay(100, cancellationToken);
        }
    }
}
