using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Cities post updates to their pilot projects from their nodes: each update pushed through the gateway to the
/// federation, announced on the broker, taken by Projects (participation checked, replica kept), and measured until it
/// is listed at <c>/api/projects/{key}/updates</c> through the gateway. 100 simulated cities, ten to a project, ten
/// updates each, one after the other per city, all cities at once.
/// </summary>
public sealed class ProjectUpdatesScenario : IScenario
{
    const int CitiesPerProject = 10;
    const int SetupParallelism = 8;

    /// <summary>Simulated municipalities of their own: the live room's people start at 14,000, the votes' at 15,000.</summary>
    internal const int FirstCity = 13_000;

    /// <summary>The demo's lead city editor, who proposes the bench's projects with the simulated cities taking part.</summary>
    const string Lead = "heilbronn";

    static readonly TimeSpan BetweenUpdates = TimeSpan.FromSeconds(1);
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    public string Id => "project-updates";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var cityCount = context.Settings.ProjectCities;
        var perCity = context.Settings.UpdatesPerCity;
        var office = hub.Credentials.ClientNamed("office-integration");

        // Setup, not measured: the cities registered with node credentials and signed in; the lead proposes a project per ten.
        var setup = Stopwatch.StartNew();
        var cities = await CityRegistration.RegisterAsync(hub.Registry, await hub.SignIn.ClientTokenAsync(office.ClientId, office.ClientSecret),
            Enumerable.Range(FirstCity, cityCount).Select(SimulatedMunicipalities.City).ToList(), SetupParallelism, cancellationToken);
        var tokens = cities.Select(city => IssuedTokens.Renewing(hub.Registry, city.City.ClientId, city.ClientSecret)).ToList();
        await Parallel.ForEachAsync(tokens, new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = cancellationToken },
            async (token, ct) => await token.GetAsync(ct));
        using var leadHttp = await hub.SignedInAsync(Lead);
        var run = Guid.NewGuid().ToString("N")[..6];
        var projects = new List<string>();
        foreach (var (group, index) in cities.Chunk(CitiesPerProject).Select((group, index) => (group, index)))
        {
            var key = $"bench-reallabor-{run}-{index + 1:00}";
            await JsonRequests.PostAsync(leadHttp, "/api/projects", Proposal(key, group.Select(city => city.MemberId)), cancellationToken);
            projects.Add(key);
        }
        Console.WriteLine($"    {cityCount} cities registered and signed in, {projects.Count} projects proposed in {setup.Elapsed.TotalSeconds:0} s");

        using var channel = GrpcChannels.Open(hub.GatewayGrpc);
        var federation = new FederationGrpcClient(channel);
        using var reader = new HttpClient { BaseAddress = hub.Gateway };
        var sent = new ConcurrentDictionary<string, long>();
        var seen = new ConcurrentDictionary<string, long>();
        var total = cityCount * perCity;
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = projects.Select(key => PollAsync(reader, key, seen, stopPolling.Token)).ToList();

        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(cities.Select((city, index) => (city, index)),
            new ParallelOptions { MaxDegreeOfParallelism = cityCount, CancellationToken = cancellationToken },
            async (item, ct) => await PostAllAsync(federation, tokens[item.index], item.city, projects[item.index / CitiesPerProject], perCity, sent, ct));
        var pushedSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var deadline = Stopwatch.GetTimestamp() + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        while (seen.Count < total && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(PollEvery, cancellationToken);
        await stopPolling.CancelAsync();
        await Task.WhenAll(polling);

        var latencies = sent.Where(s => seen.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, seen[s.Key]).TotalMilliseconds).ToList();
        var missing = total - latencies.Count;
        Console.WriteLine($"    {latencies.Count:N0} of {total:N0} updates visible; p50 {Percentiles.Of(latencies).P50:0} ms");
        return new ScenarioResult(Id, $"Projects: {total:N0} updates from {cityCount} cities' nodes until visible at the hub",
            "none (the issue asks for the figures, without a goal)")
        {
            Measurements =
            [
                new Measurement($"node update → listed at /api/projects/{{key}}/updates ({cityCount} cities × {perCity})")
                {
                    Throughput = total / pushedSeconds,
                    ThroughputUnit = "updates/s",
                    Latency = Percentiles.Of(latencies),
                    Errors = missing,
                },
            ],
            Checks = [new($"updates not visible within {GiveUpAfter.TotalSeconds:0} s", missing, "", GoalDirection.Under, 1)],
            Notes =
            [
                $"{cityCount} simulated municipalities registered through the Registry's office API with a node credential each; the demo's Heilbronn editor proposed {projects.Count} projects with ten of them taking part in each.",
                $"Each city pushes its {perCity} updates one after the other, {BetweenUpdates.TotalSeconds:0} s apart, all cities at once, with the push client every node uses (`ChangePusher`, the city's own credential) through the gateway's gRPC port: {total:N0} updates in {pushedSeconds:0} s.",
                "An update's path: Federation keeps the replica and announces `ProjectUpdatePosted` through its outbox; Projects checks that the city takes part, keeps its replica and lists it.",
                "One run: there is no baseline to take turns with and no goal but that every update arrives.",
                $"Latency: from sending the push until a poller first saw the update at `GET /api/projects/{{key}}/updates` through the gateway (each project polled every {PollEvery.TotalMilliseconds:0} ms, so figures carry up to that much extra); an update not seen within {GiveUpAfter.TotalSeconds:0} s after the last push counts as missing.",
            ],
        };
    }

    static object Proposal(string key, IEnumerable<Guid> participants)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new
        {
            key,
            title = "Reallabor Digitale Stadt im Verbund",
            fieldOfAction = "Digitale Stadt",
            goal = "Anwendungen gemeinsam befristet erproben.",
            hypothesis = "Die Bürgerschaft nimmt sie an, wenn sie sie vor Ort erlebt.",
            participantIds = participants.ToList(),
            startsOn = today,
            endsOn = today.AddDays(180),
        };
    }

    /// <summary>One city's updates, each pushed on its own and stamped when sent.</summary>
    static async Task PostAllAsync(FederationGrpcClient federation, ClientCredentialsToken token, RegisteredCity city, string project, int count,
        ConcurrentDictionary<string, long> sent, CancellationToken ct)
    {
        var pusher = new ChangePusher(federation, token.GetAsync);
        var changes = new List<Change>();
        for (var i = 1; i <= count; i++)
        {
            var title = $"Stand {i} aus {city.City.Name}";
            changes.Add(RecordMessages.Published($"stand-{i}", i, DateTimeOffset.UtcNow,
                new ProjectUpdateRecord(project, title, "Zwischenergebnisse aus dem Reallabor.", DateOnly.FromDateTime(DateTime.UtcNow), Contracts.Federation.Visibility.Public)));
            sent[title] = Stopwatch.GetTimestamp();
            await pusher.PushPendingAsync(new QueuedChangeLog(city.MemberId, [.. changes]), ct);
            await Task.Delay(BetweenUpdates, ct);
        }
    }

    /// <summary>Polls a project's updates and stamps each title when first listed.</summary>
    static async Task PollAsync(HttpClient reader, string key, ConcurrentDictionary<string, long> seen, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var page = await reader.GetFromJsonAsync<UpdatePage>($"/api/projects/{key}/updates?pageSize=100", ct);
                var now = Stopwatch.GetTimestamp();
                foreach (var update in page?.Items ?? [])
                    seen.TryAdd(update.Title, now);
                await Task.Delay(PollEvery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    sealed record UpdatePage(List<UpdateItem> Items);

    sealed record UpdateItem(string Title);
}
