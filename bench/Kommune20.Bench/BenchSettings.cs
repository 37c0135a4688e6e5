using Kommune20.Bench.Workloads;

namespace Kommune20.Bench;

/// <summary>
/// How long each load runs and how often starts repeat: quick (under three minutes in all) or full. The data sizes of
/// the federation, library and votes scenarios scale the same way: a quick run syncs once, searches 10,000 practices,
/// simulates a fortieth of the country's municipalities, searches 20,000 practices in the end instead of 1,000,000, lets 200 delegates vote, 100 participants fill the live room,
/// 20 cities post 100 updates to pilot projects and a network relays for 25 municipalities (once against separate nodes).
/// </summary>
public sealed record BenchSettings(string Mode, TimeSpan Warmup, TimeSpan Duration, int ColdStarts, int Connections)
{
    public static readonly BenchSettings Quick = new("quick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), ColdStarts: 2, Connections: 16)
    {
        SyncRounds = 1,
        SearchSizes = [10_000],
        LargestLibrary = 20_000,
        FleetCities = SimulatedMunicipalities.InGermany / 40,
        VoteSizes = [40, 200],
        VoteRounds = 1,
        LiveRoomParticipants = 100,
        LiveRoomOpenings = 10,
        ProjectCities = 20,
        UpdatesPerCity = 5,
        WebhookSubscribers = 100,
        FanOutEvents = 5,
        RelayCities = 25,
        RelayPairs = 1,
        Pairs = 1,
        FreshTokens = 4_000,
        SettleLongest = TimeSpan.Zero,
        DrainLongest = TimeSpan.Zero,
    };

    public static readonly BenchSettings Full = new("full", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), ColdStarts: 10, Connections: 16)
    {
        SyncRounds = 3,
        SearchSizes = [10_000, 100_000],
        LargestLibrary = 1_000_000,
        FleetCities = SimulatedMunicipalities.InGermany,
        VoteSizes = [200, 1_000],
        VoteRounds = 3,
        LiveRoomParticipants = 1_000,
        LiveRoomOpenings = 40,
        ProjectCities = 100,
        UpdatesPerCity = 10,
        WebhookSubscribers = 1_000,
        FanOutEvents = 20,
        RelayCities = 500,
        RelayPairs = 2,
        Pairs = 3,
        FreshTokens = 30_000,
        SettleLongest = TimeSpan.FromMinutes(3),
        DrainLongest = TimeSpan.FromMinutes(12),
    };

    /// <summary>How often 10,000 queued changes are synced (and bulk-inserted for the baseline).</summary>
    public int SyncRounds { get; init; }

    /// <summary>The library sizes searched, ascending; each adds generated practices to the last.</summary>
    public IReadOnlyList<int> SearchSizes { get; init; } = [];

    /// <summary>How many practices the library holds when the last scenario searches it (a hundred from every municipality in a full run).</summary>
    public int LargestLibrary { get; init; }

    /// <summary>How many simulated municipalities reconnect at once after the hub's outage.</summary>
    public int FleetCities { get; init; }

    /// <summary>How many delegates cast at once in the votes scenario, ascending; the largest is how many the assembly has.</summary>
    public IReadOnlyList<int> VoteSizes { get; init; } = [];

    /// <summary>How many votes each size of <see cref="VoteSizes"/> casts, taken in turns with the other sizes.</summary>
    public int VoteRounds { get; init; }

    /// <summary>How many participants are connected to the live room (and to its baseline's bare room).</summary>
    public int LiveRoomParticipants { get; init; }

    /// <summary>How many openings of a question the live room measures, after its warm-up, and as many broadcasts of the baseline.</summary>
    public int LiveRoomOpenings { get; init; }

    /// <summary>How many simulated cities post updates to pilot projects from their nodes, ten to a project.</summary>
    public int ProjectCities { get; init; }

    /// <summary>How many updates each of <see cref="ProjectCities"/> posts, one after the other.</summary>
    public int UpdatesPerCity { get; init; }

    /// <summary>How many webhook subscribers one project has in the fan-out scenario.</summary>
    public int WebhookSubscribers { get; init; }

    /// <summary>How many updates the fan-out scenario posts, without subscribers and then with them.</summary>
    public int FanOutEvents { get; init; }

    /// <summary>How many municipalities one network node relays for, and as many separate nodes push the same changes.</summary>
    public int RelayCities { get; init; }

    /// <summary>How often the network relay scenario measures the separate nodes and then the relay, in turns.</summary>
    public int RelayPairs { get; init; }

    /// <summary>How many pairs of subject and baseline a scenario measures in turns (<see cref="Measuring.AlternatingPairs"/>).</summary>
    public int Pairs { get; init; }

    /// <summary>How many tokens nobody sent before gateway-features sends in each pair, one request each.</summary>
    public int FreshTokens { get; init; }

    /// <summary>
    /// How long a scenario waits at most for the hub to go idle after a load whose work continues asynchronously
    /// (zero in a quick run, whose figures are not for comparison).
    /// </summary>
    public TimeSpan SettleLongest { get; init; }

    /// <summary>
    /// How long members waits at most for the hub to go idle after the fleet: Federation's outbox still publishes the
    /// fleet's events then (about 108,000 took 8 min in the full run of 5 December), longer than <see cref="SettleLongest"/>.
    /// </summary>
    public TimeSpan DrainLongest { get; init; }

    public Load.LoadShape Saturating => new(Connections, Warmup, Duration);

    /// <summary>One request at a time: the latency a single caller sees, without queueing behind others.</summary>
    public Load.LoadShape Sequential => new(1, Warmup, Duration);
}
