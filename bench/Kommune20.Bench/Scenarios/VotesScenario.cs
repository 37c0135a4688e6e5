using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// A general assembly's vote at scale: 1,000 voting members' delegates, signed in and checked in, cast their ballots at
/// the same instant through the gateway into one open vote (one in five changes its ballot once), and the office closes
/// it; likewise 200 of them, in turns with the 1,000. Measures each ballot's latency, and that the closed tally holds
/// every accepted ballot once: none lost, none counted twice.
/// </summary>
public sealed class VotesScenario : IScenario
{
    const double P99LimitMs = 250;
    const int SetupParallelism = 8;

    /// <summary>One delegate in five changes its ballot once, after its first was accepted.</summary>
    const int ChangeEvery = 5;

    static readonly string[] Choices = ["yes", "no", "abstain"];
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public string Id => "votes";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var sizes = context.Settings.VoteSizes;
        var largest = sizes[^1];
        var office = hub.Credentials.ClientNamed("office-integration");
        var officeToken = await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret);

        // Setup, not measured: members and their delegates, the assembly with a motion per vote and the check-ins, and
        // last the delegates' sign-ins, so that their tokens (15 minutes) are fresh when the votes begin.
        var password = $"Bench-{Guid.NewGuid():N}";
        var setup = Stopwatch.StartNew();
        var registered = await DelegateRegistration.RegisterAsync(hub.Registry, officeToken, DelegateRegistration.VotersFrom, largest, password, SetupParallelism, cancellationToken);
        var registering = setup.Elapsed;
        // A warm-up vote of all delegates first, then the sizes in turns, and one vote more for the profile of a missed goal.
        IReadOnlyList<int> measured = [.. Enumerable.Range(0, context.Settings.VoteRounds).SelectMany(_ => sizes)];
        using var assembly = await VotingAssembly.CreateAsync(hub.Gateway, officeToken, measured.Count + 2, cancellationToken);
        await assembly.CheckInAsync(registered, SetupParallelism, cancellationToken);
        var quorum = await assembly.QuorumAsync(cancellationToken);
        if (!quorum.Reached)
            throw new InvalidOperationException($"No quorum: {quorum.Present} of {quorum.VotingMembers} voting members present.");
        var checkingIn = setup.Elapsed - registering;
        var signedIn = Stopwatch.StartNew();
        var delegates = await DelegateRegistration.SignInAsync(hub, registered, password, SetupParallelism, cancellationToken);
        var signingIn = signedIn.Elapsed;
        Console.WriteLine($"    {largest:N0} delegates registered in {registering.TotalSeconds:0} s, checked in in {checkingIn.TotalSeconds:0} s, signed in in {signingIn.TotalSeconds:0} s; "
            + $"{quorum.Present:N0} of {quorum.VotingMembers:N0} voting members present");

        // One client for all delegates, as many connections as delegates at once, kept alive from vote to vote.
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = hub.Gateway,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var processes = new Dictionary<string, int> { ["meetings"] = hub.Process("meetings").Id, ["gateway"] = hub.Process("gateway").Id };
        var warmUp = await VoteAsync(http, assembly, assembly.Motions[0], delegates, largest, 0, processes, cancellationToken);
        var votes = new List<VoteRound>();
        foreach (var (size, index) in measured.Select((size, index) => (size, index)))
        {
            await context.SettleAsync(cancellationToken);
            votes.Add(await VoteAsync(http, assembly, assembly.Motions[index + 1], delegates, size, index * size % largest, processes, cancellationToken));
            Console.WriteLine($"    {votes[^1].Describe(votes.Count)}");
        }
        var oldestToken = signedIn.Elapsed;

        var accounting = BallotAccounting.Sum([warmUp.Accounting, .. votes.Select(vote => vote.Accounting)]);
        var atLargest = votes.Where(vote => vote.Size == largest).ToList();
        IReadOnlyList<Check> checks =
        [
            Check.OfRuns($"p99 per ballot, {largest:N0} delegates at once", [.. atLargest.Select(vote => Percentiles.Of(vote.CastMs).P99)], "ms",
                GoalDirection.Under, P99LimitMs, atLargest.Sum(vote => vote.Accounting.Errors)),
            new("ballots lost (accepted, missing from the closed tally), all votes", accounting.Lost, "", GoalDirection.Under, 1),
            new("ballots counted twice (the tally beyond the members who voted), all votes", accounting.CountedTwice, "", GoalDirection.Under, 1),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes,
            () => VoteAsync(http, assembly, assembly.Motions[^1], delegates, largest, 0, processes, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, $"Votes: {largest:N0} delegates cast at once",
            "none (the goal is absolute: p99 under 250 ms at 1,000 on this machine); the same delegates reading the open vote at once, for scale")
        {
            Measurements =
            [
                .. sizes.SelectMany(size => Measured(size, votes.Where(vote => vote.Size == size).ToList())),
            ],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"{largest:N0} simulated municipalities registered as voting members through the Registry's office API, each with a person in the delegate role ({registering.TotalSeconds:0} s). "
                + $"The office (client credentials) created an assembly with a motion per vote, sent the invitation, named each delegate at the door and checked it in ({checkingIn.TotalSeconds:0} s): {quorum.Present:N0} of {quorum.VotingMembers:N0} voting members present, quorum reached. "
                + $"Then each delegate signed in at the issuer's login page (authorization code with PKCE, through the gateway; {signingIn.TotalSeconds:0} s); the oldest token was {oldestToken.TotalMinutes:0.0} min old after the last measured vote (a token lasts 15).",
                $"A vote: the office opens an open (not secret) vote on the next motion, and the roll of all {quorum.Present:N0} present members freezes; the delegates of the round read it at once (`GET /api/meetings/votes/{{id}}`, the row for scale), then cast at once (`POST /api/meetings/votes/{{id}}/ballots`): each one ballot for its member (yes, no, abstain in turn), and every {ChangeEvery}th changes it once after the first was accepted; then the office closes the vote and its tally is compared with the ballots accepted.",
                $"All delegates on one HTTP/1.1 client in the bench process, a connection per delegate at once, kept alive from vote to vote, each request with the delegate's own token, to the gateway on 127.0.0.1. Latency: each ballot from sending to the whole answer; a ballot answered otherwise than 2xx, or not within {GiveUpAfter.TotalMinutes:0} min, is an error and has no latency. Throughput: accepted ballots over the time from the common start until the last answer.",
                $"Order: one unmeasured vote of all {largest:N0} first (connections, JIT), then {string.Join(", ", measured.Select(size => size.ToString("N0")))} delegates in turns, each vote on an idle hub; a round of fewer delegates than the assembly has takes the next ones in the list. Lost and counted twice cover every vote, the unmeasured one included: {accounting.Sent:N0} ballots sent, {accounting.Accepted:N0} accepted, {accounting.Errors:N0} errors.",
                .. votes.Select((vote, index) => vote.Describe(index + 1)),
                $"The p99 goal is the median of the {atLargest.Count} votes of {largest:N0} delegates, each vote's own p99; where they spread wider than the median lies from the goal the verdict is inconclusive, and a ballot that failed misses it. The table pools every ballot of a size.",
                "CPU columns: percent of one core during the votes' casting, averaged over the votes of that size; server CPU per ballot: Meetings' and the gateway's average share over the ballots per second.",
            ],
        };
    }

    static IEnumerable<Measurement> Measured(int size, IReadOnlyList<VoteRound> votes)
    {
        yield return new Measurement($"{size:N0} delegates cast at once ({votes.Count} votes)")
        {
            Throughput = votes.Sum(vote => vote.CastMs.Count) / votes.Sum(vote => vote.CastElapsed.TotalSeconds),
            ThroughputUnit = "ballots/s",
            Latency = Percentiles.Of(votes.SelectMany(vote => vote.CastMs).ToList()),
            Errors = votes.Sum(vote => vote.Accounting.Errors),
            CpuPercent = votes.SelectMany(vote => vote.Cpu).GroupBy(cpu => cpu.Key).ToDictionary(cpu => cpu.Key, cpu => Math.Round(cpu.Average(c => c.Value), 1)),
        }.WithServerCpu("meetings", "gateway");
        yield return new Measurement($"{size:N0} delegates read the open vote at once ({votes.Count} votes)")
        {
            Throughput = votes.Sum(vote => vote.ReadMs.Count) / votes.Sum(vote => vote.ReadElapsed.TotalSeconds),
            ThroughputUnit = "reads/s",
            Latency = Percentiles.Of(votes.SelectMany(vote => vote.ReadMs).ToList()),
            Errors = votes.Sum(vote => vote.ReadErrors),
        };
    }

    /// <summary>One vote: opened, read and cast by <paramref name="size"/> delegates at once (from <paramref name="first"/> on), closed and accounted.</summary>
    static async Task<VoteRound> VoteAsync(HttpClient http, VotingAssembly assembly, Guid motion, IReadOnlyList<SimulatedDelegate> delegates,
        int size, int first, IReadOnlyDictionary<string, int> processes, CancellationToken cancellationToken)
    {
        var voters = Enumerable.Range(first, size).Select(index => delegates[index % delegates.Count]).ToList();
        var vote = await assembly.OpenVoteAsync(motion, cancellationToken);
        var (reads, readElapsed) = await Burst.RunAsync(size, (index, ct) => ReadAsync(http, vote, voters[index], ct), GiveUpAfter, cancellationToken);

        var meter = new CpuMeter().Watch("bench", Environment.ProcessId);
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        var ((casts, castElapsed), cpu) = await meter.MeasureAsync(
            () => Burst.RunAsync(size, (index, ct) => CastAsync(http, vote, voters[index], ct), GiveUpAfter, cancellationToken), cancellationToken);
        var loadAverage = MachineProbe.LoadAverage();
        var tally = await assembly.CloseAsync(vote, cancellationToken);

        var outcomes = casts.SelectMany(cast => cast).ToList();
        return new VoteRound(size, [.. reads.OfType<double>()], reads.Count(read => read is null), readElapsed,
            [.. outcomes.Where(cast => cast.Accepted).Select(cast => cast.Milliseconds)], castElapsed, tally, BallotAccounting.Of(outcomes, tally), cpu, loadAverage);
    }

    /// <summary>A delegate's ballot, and for every <see cref="ChangeEvery"/>th delegate a changed one once the first was accepted.</summary>
    static async Task<IReadOnlyList<CastOutcome>> CastAsync(HttpClient http, Guid vote, SimulatedDelegate voter, CancellationToken cancellationToken)
    {
        var first = await BallotAsync(http, vote, voter, Choices[voter.Index % Choices.Length], cancellationToken);
        if (!first.Accepted || voter.Index % ChangeEvery != 0)
            return [first];
        return [first, await BallotAsync(http, vote, voter, Choices[(voter.Index + 1) % Choices.Length], cancellationToken)];
    }

    static async Task<CastOutcome> BallotAsync(HttpClient http, Guid vote, SimulatedDelegate voter, string choice, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/votes/{vote}/ballots")
        {
            Content = JsonContent.Create(new { memberId = voter.MemberId, choice }),
        };
        var (accepted, milliseconds) = await TimedAsync(http, request, voter, cancellationToken);
        return new CastOutcome(voter.MemberId, choice, accepted, milliseconds);
    }

    /// <returns>The read's latency, or null when it failed.</returns>
    static async Task<double?> ReadAsync(HttpClient http, Guid vote, SimulatedDelegate voter, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/votes/{vote}");
        var (ok, milliseconds) = await TimedAsync(http, request, voter, cancellationToken);
        return ok ? milliseconds : null;
    }

    /// <summary>Sends with the delegate's token and reads the whole answer; a failure or the give-up time is an unsuccessful answer.</summary>
    static async Task<(bool Success, double Milliseconds)> TimedAsync(HttpClient http, HttpRequestMessage request, SimulatedDelegate voter,
        CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", voter.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                Console.WriteLine($"    {request.Method} {request.RequestUri} for {voter.UserName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            Console.WriteLine($"    {request.Method} {request.RequestUri} for {voter.UserName}: {exception.GetType().Name} {exception.Message}");
            return (false, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// What one vote did: its reads and ballots (latencies of the successful ones), its tally and accounting, the CPU while
    /// casting, and how busy the machine was (the one-minute load average right after).
    /// </summary>
    sealed record VoteRound(int Size, IReadOnlyList<double> ReadMs, int ReadErrors, TimeSpan ReadElapsed, IReadOnlyList<double> CastMs, TimeSpan CastElapsed,
        ClosedTally Tally, BallotAccounting Accounting, IReadOnlyDictionary<string, double> Cpu, double LoadAverage)
    {
        public string Describe(int number) =>
            $"Vote {number} ({Size:N0} delegates): {Accounting.Sent:N0} ballots sent, {Accounting.Accepted:N0} accepted in {CastElapsed.TotalSeconds:0.0} s "
            + $"(p99 {Figures.Format(CastMs.Count > 0 ? Percentiles.Of(CastMs).P99 : double.NaN)} ms); closed tally Ja {Tally.Yes:N0}, Nein {Tally.No:N0}, "
            + $"Enthaltung {Tally.Abstain:N0} = {Tally.Total:N0} for {Accounting.Members:N0} members; lost {Accounting.Lost}, counted twice {Accounting.CountedTwice}; "
            + $"load average {Figures.Format(LoadAverage)} after the casting.";
    }
}
