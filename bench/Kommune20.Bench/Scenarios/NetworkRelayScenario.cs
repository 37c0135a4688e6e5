using System.Diagnostics;
using Kommune20.Bench.InProcess;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;
using Kommune20.Federation.Client;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// One network node relaying for 500 municipalities without a node of their own (each a member of the network that
/// allowed the relay), against 500 separate nodes pushing the same changes: 20 practices per municipality, every
/// municipality's log pushed at once over one channel, the relay with the network's one credential under each
/// municipality's origin, the separate nodes each with its own. Measures the time until the hub acknowledged all
/// 10,000 changes and the hub's CPU per change (Federation, gateway and Registry, which answers the relay's consent
/// questions). Goal: the relay is not slower than 1.5 times the separate nodes in either.
/// </summary>
public sealed class NetworkRelayScenario : IScenario
{
    const int ChangesPerCity = 20;

    /// <summary>A thousand changes each way before the first measured run: the hub's push path at its final code (tiered JIT).</summary>
    const int WarmUpCities = 50;
    const double RatioLimit = 1.5;
    const int RegistrationParallelism = 8;

    /// <summary>Municipality numbers after the fleet's and before the pilot projects' cities: a run needs cities of its own, since an origin once delivered keeps its cursor.</summary>
    internal const int FirstCity = SimulatedMunicipalities.InGermany;

    /// <summary>Practice numbers of their own; the municipality at the same place in each run publishes the same practices.</summary>
    const int FirstPractice = 400_000;

    static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    static readonly TimeSpan PollInterval = TimeSpan.FromHours(1);
    /// <summary>The hub's processes whose CPU a change costs.</summary>
    static readonly string[] HubCpu = ["federation", "gateway", "registry"];

    public string Id => "network-relay";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var size = context.Settings.RelayCities;
        var pairs = context.Settings.RelayPairs;
        var changes = size * ChangesPerCity;

        var office = hub.Credentials.ClientNamed("office-integration");
        var officeToken = await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret);
        var setup = Stopwatch.StartNew();
        var network = await NetworkRegistration.RegisterAsync(hub.Registry, officeToken, "Testnetzwerk Relais", "relay-testnetzwerk", cancellationToken);
        var unregistered = new Queue<SimulatedCity>(Municipalities(context.Settings));
        IReadOnlyList<SimulatedCity> Cities(int count) => Enumerable.Range(0, count).Select(_ => unregistered.Dequeue()).ToList();
        async Task<Side> SeparateAsync(int count) =>
            new((await CityRegistration.RegisterAsync(hub.Registry, officeToken, Cities(count), RegistrationParallelism, cancellationToken))
                .Select(city => (city.MemberId, (ClientCredentialsToken?)Token(hub, city.City.ClientId, city.ClientSecret))).ToList(), Network: null);
        async Task<Side> RelayedAsync(int count) =>
            new((await CityRegistration.RegisterRelayedAsync(hub.Registry, officeToken, network.MemberId, Cities(count), RegistrationParallelism, cancellationToken))
                .Select(city => (city.MemberId, (ClientCredentialsToken?)null)).ToList(), network.MemberId);

        var warmUp = new[] { await SeparateAsync(WarmUpCities), await RelayedAsync(WarmUpCities) };
        var turns = new List<Side>();
        for (var pair = 0; pair < pairs; pair++)
            turns.AddRange([await SeparateAsync(size), await RelayedAsync(size)]);
        var registering = setup.Elapsed;
        Console.WriteLine($"    {Municipalities(context.Settings).Count:N0} municipalities registered in {registering.TotalSeconds:0} s");
        var networkToken = Token(hub, network.ClientId, network.ClientSecret);

        using var channel = GrpcChannels.Open(hub.GatewayGrpc);
        var federation = new FederationGrpcClient(channel);
        var relay = new ChangePusher(federation, networkToken.GetAsync);
        foreach (var side in warmUp)
        {
            await side.SignInAsync(networkToken, cancellationToken);
            await side.PushAsync(hub, federation, relay, firstVersion: 1, cancellationToken);
        }

        var runs = new List<Run>();
        foreach (var side in turns)
        {
            await side.SignInAsync(networkToken, cancellationToken);
            await context.SettleAsync(cancellationToken);
            var pushed = await side.PushAsync(hub, federation, relay, firstVersion: 1, cancellationToken);
            var (live, fromDeliverer) = await HubReplicas.CountAsync(hub.DataDirectory, side.Nodes.Select(node => node.MemberId).ToList(), side.Network, cancellationToken);
            runs.Add(new Run(side, pushed, live, fromDeliverer));
            Console.WriteLine($"    {side.Name(size)}: all acknowledged after {pushed.Fleet.Waits.SlowestMs / 1000:0.0} s, "
                + $"hub CPU {runs[^1].CpuMsPerChange:0.00} ms per change; {live:N0} replicas at the hub, {fromDeliverer:N0} delivered by {side.DelivererName}");
        }

        var relayed = runs.Where(run => run.Side.IsRelay).ToList();
        var inTurns = runs.Chunk(2).Select(pair => (Separate: pair[0], Relay: pair[1])).ToList();
        var errors = runs.Sum(run => run.Errors);
        IReadOnlyList<Check> checks =
        [
            Check.OfPairs($"network node / separate nodes: time until the hub acknowledged all {changes:N0} changes",
                [.. inTurns.Select(pair => Check.Ratio(pair.Relay.Seconds, pair.Separate.Seconds))], "x", GoalDirection.Under, RatioLimit, errors),
            Check.OfPairs("network node / separate nodes: the hub's CPU per change, Federation, gateway and Registry",
                [.. inTurns.Select(pair => Check.Ratio(pair.Relay.CpuMsPerChange, pair.Separate.CpuMsPerChange))], "x", GoalDirection.Under, RatioLimit, errors),
            new("changes not acknowledged, rejected or not at the hub as delivered", errors, "", GoalDirection.Under, 1),
        ];

        // The profile's load: the last relay run's municipalities edit their 20 practices once more.
        var profile = await context.ProfileIfMissedAsync(Id, checks, HubCpu.ToDictionary(name => name, name => hub.Process(name).Id),
            () => relayed[^1].Side.PushAsync(hub, federation, relay, firstVersion: ChangesPerCity + 1, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, $"Federation: a network node relays for {size:N0} municipalities", $"{size:N0} separate nodes pushing the same changes")
        {
            Measurements = runs.Select((run, i) => run.Measurement(i / 2 + 1, size)).ToList(),
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"Registered through the Registry's office API ({registering.TotalSeconds:0} s): a network (a region) with its node's credential (role city-node), "
                + $"and per run {size:N0} municipalities of its own (members of kind city): for the relay each a member of the network with `relayAllowed` (NetworksApi PUT), "
                + $"for the separate nodes each with a node credential. Each run's nodes (or the network) signed in before it, outside the measurement. A run needs municipalities of its own: an origin once delivered keeps its cursor at the hub.",
                $"Each municipality queues {ChangesPerCity} practice publications; the municipality at the same place in every run publishes the same practices. All of a run's logs start at once in the bench process, "
                + "each in a `PushLoop` over one gRPC channel to the gateway's HTTP/2 port: the relay's loops share one `ChangePusher` with the network's token and push each log under its municipality's origin "
                + "(the hub asks the Registry once per municipality whether the network may relay, and remembers the answer 30 s); each separate node's loop has its own token.",
                $"Runs in turns, separate nodes first ({pairs} of each{(pairs == 1 ? "; a quick run measures one pair only" : "")}), after a warm-up of {WarmUpCities} municipalities each way; "
                + (context.Settings.SettleLongest == TimeSpan.Zero ? "a quick run does not wait for the hub to go idle between runs. " : "each run starts on an idle hub. ")
                + $"Latency columns are the municipalities' waits until the hub had acknowledged all {ChangesPerCity} of their changes; the time to acknowledge all is the slowest. A municipality not acknowledged within {GiveUpAfter.TotalMinutes:0} min, or whose every change was rejected, counts as an error and stays in the percentiles at {GiveUpAfter.TotalMinutes:0} min.",
                "CPU per change: the CPU time of Federation, the gateway and the Registry over the run, divided by the changes. Each goal is the median of the pairs' ratios (a pair: the separate nodes' run and the relay's after it); where they spread wider than the median lies from the goal the verdict is inconclusive, and an error of either run misses it. The library, which indexes the announced practices meanwhile and afterwards, is not counted.",
                "Checked at the hub after each run: every change a live replica, delivered by the network for the relay (its `ReceivedFrom`, read from Federation's database; the hub's `relayedBy` of issue 18 is not on main yet) and by the municipality itself otherwise.",
                .. runs.Select(run => $"{run.Side.Name(size)}: {run.Live:N0} replicas at the hub, {run.FromDeliverer:N0} delivered by {run.Side.DelivererName}, {run.Rejected} rejected, "
                    + $"{run.Waits.Starved} municipalities starved, {run.Waits.Failed} failed (every change rejected); hub CPU {run.CpuMsPerChange:0.00} ms per change."),
            ],
        };
    }

    /// <summary>Every municipality a run registers: the warm-up's and each measured run's, for the relay and the separate nodes.</summary>
    internal static IReadOnlyList<SimulatedCity> Municipalities(BenchSettings settings) =>
        Enumerable.Range(FirstCity, 2 * (WarmUpCities + settings.RelayPairs * settings.RelayCities)).Select(SimulatedMunicipalities.City).ToList();

    static ClientCredentialsToken Token(Hub hub, string clientId, string secret) =>
        IssuedTokens.Renewing(hub.Registry, clientId, secret);

    /// <summary>
    /// One run's municipalities: for separate nodes each with its node's token, for the relay without (the
    /// <paramref name="Network"/> delivers for them).
    /// </summary>
    sealed record Side(IReadOnlyList<(Guid MemberId, ClientCredentialsToken? Token)> Nodes, Guid? Network)
    {
        public bool IsRelay => Network is not null;

        public string DelivererName => IsRelay ? "the network" : "the municipality itself";

        /// <summary>
        /// Signs the nodes in (a token lasts 15 minutes, a full run longer), or the network; before the run and outside
        /// its measurement, as a node that has been running holds a token.
        /// </summary>
        public async Task SignInAsync(ClientCredentialsToken networkToken, CancellationToken cancellationToken)
        {
            if (IsRelay)
                await networkToken.GetAsync(cancellationToken);
            else
                await Parallel.ForEachAsync(Nodes, new ParallelOptions { MaxDegreeOfParallelism = RegistrationParallelism, CancellationToken = cancellationToken },
                    async (node, ct) => await node.Token!.GetAsync(ct));
        }

        public string Name(int size) => IsRelay ? $"network node relaying for {size:N0}" : $"{size:N0} separate nodes";

        /// <summary>Every municipality's 20 practices (from <paramref name="firstVersion"/> on; later versions edit them), all logs at once.</summary>
        public async Task<Pushed> PushAsync(Hub hub, FederationGrpcClient federation, ChangePusher relay, long firstVersion, CancellationToken cancellationToken)
        {
            var logs = Nodes.Select((node, i) => new QueuedChangeLog(node.MemberId, NodeChanges.Of(GeneratedPractices.Publications(
                node.MemberId, FirstPractice + i * ChangesPerCity, ChangesPerCity, firstVersion, revision: firstVersion == 1 ? 0 : 1)))).ToList();
            var loops = logs.Select((log, i) => new PushLoop(Nodes[i].Token is { } token ? new ChangePusher(federation, token.GetAsync) : relay, log, PollInterval)).ToList();
            return new Pushed(await FleetPush.RunAsync(hub, loops, logs, GiveUpAfter, cancellationToken), logs.Sum(log => log.Rejected));
        }
    }

    sealed record Pushed(FleetPushResult Fleet, int Rejected);

    sealed record Run(Side Side, Pushed Pushed, int Live, int FromDeliverer)
    {
        int Changes => Side.Nodes.Count * ChangesPerCity;

        public CityWaits Waits => Pushed.Fleet.Waits;

        public int Rejected => Pushed.Rejected;

        /// <summary>Until the hub acknowledged every change (a starved or failed municipality counts as the time given up after).</summary>
        public double Seconds => Waits.SlowestMs / 1000;

        public double CpuMsPerChange => Pushed.Fleet.CpuMsPerChange(HubCpu, Changes);

        /// <summary>Changes missing at the hub or delivered by another than expected, and municipalities never acknowledged in full.</summary>
        public long Errors => Changes - FromDeliverer + Waits.Starved + Waits.Failed;

        public Measurement Measurement(int turn, int size) => new($"{Side.Name(size)}, run {turn}")
        {
            Throughput = Changes / Seconds,
            ThroughputUnit = "changes/s",
            Latency = Waits.Latency,
            Errors = Errors,
            CpuPercent = Pushed.Fleet.CpuPercent,
            ServerCpuMs = CpuMsPerChange,
        };
    }
}
