using System.Diagnostics;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Testing;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// An exchange session's live room at scale: 1,000 signed-in people of member organisations connected through the
/// gateway's WebSockets to Meetings' hub, joined to one session; its moderator opens a guiding question (REST through
/// the gateway), and each opening is measured until the last participant has it. Against the same 1,000 connections
/// to a bare SignalR room whose broadcast a POST triggers (the baselines' <c>broadcast</c>).
/// </summary>
public sealed class LiveRoomScenario : IScenario
{
    const double P99LimitMs = 250;
    const int SetupParallelism = 8;
    const int ConnectParallelism = 16;
    const int WarmUpOpenings = 5;

    /// <summary>A demo person who moderates; the session is their own, so they may open its questions.</summary>
    const string Moderator = "moderation-iese";

    const string MeetingsHub = "/hubs/meetings/live";
    const string BaselineHub = "/hubs/broadcast";

    static readonly string[] GuidingQuestions =
    [
        "Wie gelingt der Einstieg in ein digitales Ökosystem der Kommune?",
        "Welche Rolle spielen die Bürgerinnen und Bürger beim Aufbau?",
    ];

    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public string Id => "live-room";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var participants = context.Settings.LiveRoomParticipants;
        var openings = context.Settings.LiveRoomOpenings;
        var office = hub.Credentials.ClientNamed("office-integration");
        var officeToken = await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret);

        // Setup, not measured: the participants registered and signed in as the votes' delegates are, then the moderator's
        // own session with two guiding questions, opened in turns so that each opening carries another question than the last.
        var password = $"Bench-{Guid.NewGuid():N}";
        var setup = Stopwatch.StartNew();
        var registered = await DelegateRegistration.RegisterAsync(hub.Registry, officeToken, DelegateRegistration.ParticipantsFrom, participants, password,
            SetupParallelism, cancellationToken);
        var registering = setup.Elapsed;
        var people = await DelegateRegistration.SignInAsync(hub, registered, password, SetupParallelism, cancellationToken);
        var signingIn = setup.Elapsed - registering;
        using var moderation = await hub.SignedInAsync(Moderator);
        var (session, questions) = await SessionAsync(moderation, cancellationToken);
        Console.WriteLine($"    {participants:N0} participants registered in {registering.TotalSeconds:0} s, signed in in {signingIn.TotalSeconds:0} s");

        var processes = new Dictionary<string, int> { ["meetings"] = hub.Process("meetings").Id, ["gateway"] = hub.Process("gateway").Id };
        Opening Open(int index)
        {
            var question = questions[index % questions.Count];
            return new Opening(question, ct => JsonRequests.PostAsync(moderation, $"/api/meetings/exchange-sessions/{session}/questions/{question}/opening", null, ct));
        }

        Side subject;
        IReadOnlyList<Check> checks;
        Profile? profile;
        await using (var room = await ConnectAsync(new Uri(hub.Gateway, MeetingsHub), [.. people.Select(person => person.Token)], session, cancellationToken))
        {
            subject = await MeasureAsync("Meetings through the gateway", room, Open, processes, openings, cancellationToken);
            checks =
            [
                new($"p99 until the last of {participants:N0} participants has the opened question", subject.Last.P99, "ms", GoalDirection.Under, P99LimitMs),
                new($"deliveries missed (not within {GiveUpAfter.TotalSeconds:0} s), {openings} openings", subject.Missed, "", GoalDirection.Under, 1),
            ];
            profile = await context.ProfileIfMissedAsync(Id, checks, processes, () => OpenInTurnsAsync(room, Open, openings, cancellationToken), cancellationToken);
        }

        var (baselineProcess, _) = await BaselineApp.StartAsync(BaselineApp.Broadcast);
        Side baseline;
        await using (baselineProcess)
        {
            using var http = new HttpClient { BaseAddress = baselineProcess.BaseAddress };
            var bareRoom = Guid.NewGuid();
            Opening Broadcast(int index)
            {
                var message = new { id = Guid.NewGuid(), position = index % GuidingQuestions.Length + 1, text = GuidingQuestions[index % GuidingQuestions.Length],
                    panelistId = (Guid?)null, openedAt = DateTimeOffset.UtcNow };
                return new Opening(message.id, ct => JsonRequests.PostAsync(http, $"/rooms/{bareRoom}/broadcast", message, ct));
            }
            await using var room = await ConnectAsync(new Uri(baselineProcess.BaseAddress, BaselineHub), [.. people.Select(_ => (string?)null)], bareRoom,
                cancellationToken);
            baseline = await MeasureAsync("bare SignalR hub", room, Broadcast, new Dictionary<string, int> { ["baseline"] = baselineProcess.Id }, openings,
                cancellationToken);
        }

        return new ScenarioResult(Id, $"Live room: a question opened to {participants:N0} participants",
            $"a bare SignalR hub (an ASP.NET Core app with one hub, the same {participants:N0} connections, the broadcast triggered by a POST, no gateway)")
        {
            Measurements = [.. subject.Measured(participants), .. baseline.Measured(participants)],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"{participants:N0} simulated municipalities registered as members through the Registry's office API, each with a person (the votes' delegates, `DelegateRegistration`; {registering.TotalSeconds:0} s), "
                + $"each signed in at the issuer's login page through the gateway ({signingIn.TotalSeconds:0} s). The demo moderator ({Moderator}) created a session of their own with two guiding questions.",
                $"Participants: {participants:N0} SignalR connections in the bench process, each with its person's token, over WebSockets without negotiation (the token in the Authorization header of the upgrade), "
                + $"all sockets opened through one shared `SocketsHttpHandler`, {ConnectParallelism} at a time, to `{MeetingsHub}` through the gateway (YARP forwards the WebSockets to Meetings), each invoking `Join(sessionId)`: "
                + $"connected and joined in {subject.ConnectSeconds:0} s. The baseline: as many connections to the bare hub directly, each joined to one group ({baseline.ConnectSeconds:0} s).",
                $"An opening: the moderator's `POST /api/meetings/exchange-sessions/{{id}}/questions/{{questionId}}/opening` through the gateway (Meetings checks the token and the moderation, saves the question as open with its audit entry, sends `QuestionOpened` to the session's group, answers). "
                + $"The baseline's: `POST /rooms/{{id}}/broadcast` to the bare hub with a message of the same shape, sent to the group as `QuestionOpened`. {WarmUpOpenings} unmeasured openings, then {openings} measured, one at a time, {Pause.TotalMilliseconds:0} ms apart after the last participant had the previous one.",
                $"Latency: from sending the opening's request until a participant's handler ran (the message parsed). \"Until the last\" is one figure per opening: until the last of the {participants:N0} had it "
                + $"(by nearest rank: with {openings} openings p99 is the slowest of them and p90 the {(int)Math.Ceiling(0.9 * openings)}th in ascending order); an opening one participant missed within {GiveUpAfter.TotalSeconds:0} s counts as {GiveUpAfter.TotalSeconds:0} s. "
                + $"\"Each delivery\" pools every participant's latency of every opening ({participants * openings:N0}). \"The request answered\" is the moderator's own POST.",
                $"Missed deliveries: Meetings {subject.Missed}, baseline {baseline.Missed}; connections closed while measuring: Meetings {subject.Closed}, baseline {baseline.Closed}. "
                + $"Meetings through the gateway / bare hub until the last participant: p50 {Figures.Format(subject.Last.P50 / baseline.Last.P50)}x, p99 {Figures.Format(subject.Last.P99 / baseline.Last.P99)}x.",
                $"Load average (1 min) before and after the measured openings: Meetings {Figures.Format(subject.LoadBefore)} / {Figures.Format(subject.LoadAfter)}, baseline {Figures.Format(baseline.LoadBefore)} / {Figures.Format(baseline.LoadAfter)} on {Environment.ProcessorCount} cores.",
                "CPU columns: percent of one core over the measured openings, pauses included; the bench holds every participant's connection.",
                "One run of each side, not pairs in turns: the goal is absolute (the bare room is there for scale), its figure already spans every opening, and a side in turns would have to connect and join all participants again each time.",
            ],
        };
    }

    /// <summary>The moderator's own session (it opens in an hour, online) with the guiding questions; their ids in order.</summary>
    static async Task<(Guid Session, IReadOnlyList<Guid> Questions)> SessionAsync(HttpClient moderation, CancellationToken cancellationToken)
    {
        var startsAt = DateTimeOffset.UtcNow.AddHours(1);
        var session = (await JsonRequests.PostAsync(moderation, "/api/meetings/exchange-sessions", new
        {
            title = "Lasttest: Live-Raum",
            startsAt,
            endsAt = startsAt.AddHours(1.5),
            onlineUrl = "https://meet.example.org/lasttest",
        }, cancellationToken)).GetProperty("id").GetGuid();
        var questions = new List<Guid>();
        foreach (var text in GuidingQuestions)
            questions.Add((await JsonRequests.PostAsync(moderation, $"/api/meetings/exchange-sessions/{session}/questions", new { text }, cancellationToken))
                .GetProperty("id").GetGuid());
        return (session, questions);
    }

    static Task<LiveAudience> ConnectAsync(Uri hub, IReadOnlyList<string?> tokens, Guid room, CancellationToken cancellationToken) =>
        LiveAudience.ConnectAsync(hub, tokens, "Join", room, ConnectParallelism, cancellationToken);

    /// <summary>Openings one at a time, each awaited until every participant had it or the give-up time passed.</summary>
    static async Task<List<(FanOut FanOut, double TriggerMs)>> OpenInTurnsAsync(LiveAudience room, Func<int, Opening> open, int count,
        CancellationToken cancellationToken)
    {
        var rounds = new List<(FanOut, double)>();
        for (var i = 0; i < count; i++)
        {
            var opening = open(i);
            rounds.Add(await room.BroadcastAsync(opening.Id, opening.SendAsync, GiveUpAfter, cancellationToken));
            await Task.Delay(Pause, cancellationToken);
        }
        return rounds;
    }

    static async Task<Side> MeasureAsync(string label, LiveAudience room, Func<int, Opening> open, IReadOnlyDictionary<string, int> processes, int openings,
        CancellationToken cancellationToken)
    {
        await OpenInTurnsAsync(room, open, WarmUpOpenings, cancellationToken);
        var meter = new CpuMeter().Watch("bench", Environment.ProcessId);
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        var closedBefore = room.Closed;
        var loadBefore = MachineProbe.LoadAverage();
        var (rounds, cpu) = await meter.MeasureAsync(() => OpenInTurnsAsync(room, index => open(WarmUpOpenings + index), openings, cancellationToken), cancellationToken);
        var measured = new Side(label, rounds, cpu, room.Closed - closedBefore, room.ConnectedIn.TotalSeconds, loadBefore, MachineProbe.LoadAverage());
        Console.WriteLine($"    {label}: until the last of {room.Participants:N0}: p50 {Figures.Format(measured.Last.P50)} ms, p99 {Figures.Format(measured.Last.P99)} ms; "
            + $"{measured.Missed} deliveries missed; load average {Figures.Format(measured.LoadAfter)}");
        return measured;
    }

    /// <summary>The question an opening carries, and the request that opens it.</summary>
    sealed record Opening(Guid Id, Func<CancellationToken, Task> SendAsync);

    /// <summary>The measured openings of one side, the CPU meanwhile, how long its participants took to connect and join, and how busy the machine was before and after.</summary>
    sealed record Side(string Label, IReadOnlyList<(FanOut FanOut, double TriggerMs)> Rounds, IReadOnlyDictionary<string, double> Cpu, int Closed,
        double ConnectSeconds, double LoadBefore, double LoadAfter)
    {
        public Percentiles Last => Percentiles.Of([.. Rounds.Select(round => round.FanOut.LastMs)]);

        public int Missed => Rounds.Sum(round => round.FanOut.Missed);

        public IEnumerable<Measurement> Measured(int participants)
        {
            yield return new Measurement($"{Label}: until the last of {participants:N0} had it ({Rounds.Count} openings)")
            {
                Latency = Last,
                Errors = Missed,
                CpuPercent = Cpu,
            };
            yield return new Measurement($"{Label}: each delivery ({Rounds.Sum(round => round.FanOut.DeliveryMs.Count):N0})")
            {
                Latency = Percentiles.Of([.. Rounds.SelectMany(round => round.FanOut.DeliveryMs)]),
            };
            yield return new Measurement($"{Label}: the opening's request answered")
            {
                Latency = Percentiles.Of([.. Rounds.Select(round => round.TriggerMs)]),
            };
        }
    }
}
