using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Testing;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// One event to many webhook subscribers: Heilbronn's editor posts updates to its Reallabor in the portal's API (Projects is
/// the publishing service), each update becomes a notice in Notifications and a signed CloudEvent to every subscriber of the
/// project, here 1,000 endpoints of a local receiver. Measured: until the last subscriber has an update, each delivery, the
/// deliveries per second through the pipeline, and the posting's latency with the subscribers against the same posting
/// before any subscriber existed (the goal: within 10 %).
/// </summary>
public sealed class WebhookFanOutScenario : IScenario
{
    const string Project = "reallabore-heilbronn";
    const string Editor = "heilbronn";
    const string Partner = "moderation-iese";
    const int SubscribeParallelism = 8;
    const double PostsPerSecond = 2;
    const double WithinShare = 1.10;

    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(180);

    public string Id => "webhook-fanout";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var subscribers = context.Settings.WebhookSubscribers;
        var events = context.Settings.FanOutEvents;
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editorHttp = await hub.SignedInAsync(Editor);
        using var partnerHttp = await hub.SignedInAsync(Partner);
        var run = Guid.NewGuid().ToString("N")[..6];
        var processes = new Dictionary<string, int> { ["projects"] = hub.Process("projects").Id, ["notifications"] = hub.Process("notifications").Id,
            ["gateway"] = hub.Process("gateway").Id };

        // Without subscribers first, the same posting as later: the publishing service's latency to compare against.
        await PostAsync(editorHttp, $"warm-{run}", events, cancellationToken);
        var (quiet, quietCpu) = await MeasureCpuAsync(processes, () => PostAsync(editorHttp, $"quiet-{run}", events, cancellationToken), cancellationToken);
        await context.SettleAsync(cancellationToken);

        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, subscribers), new ParallelOptions { MaxDegreeOfParallelism = SubscribeParallelism, CancellationToken = cancellationToken },
            async (n, ct) => await JsonRequests.PostAsync(partnerHttp, "/api/notifications/subscriptions",
                new { follows = "project", projectKey = Project, channel = "webhook", url = receiver.Endpoint($"{run}-{n}").AbsoluteUri }, ct));
        Console.WriteLine($"    {subscribers:N0} webhook subscriptions to {Project}, each endpoint verified, in {setup.Elapsed.TotalSeconds:0} s");

        var (busy, busyCpu) = await MeasureCpuAsync(processes, () => PostAsync(editorHttp, $"fan-{run}", events, cancellationToken), cancellationToken);
        var deadline = Stopwatch.GetTimestamp() + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        while (receiver.Delivered.Count < subscribers * events && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(100, cancellationToken);

        var arrivals = ArrivalsByPost(receiver, $"fan-{run}", events);
        var fanOuts = busy.Select((post, index) => FanOut.Of(post.SentAt,
            [.. Enumerable.Range(0, subscribers).Select(n => arrivals[index].TryGetValue($"{run}-{n}", out var at) ? at : (long?)null)],
            GiveUpAfter.TotalMilliseconds)).ToList();
        var deliveries = fanOuts.SelectMany(f => f.DeliveryMs).ToList();
        var missed = fanOuts.Sum(f => f.Missed);
        var firstSent = busy.Min(p => p.SentAt);
        var lastArrival = receiver.Delivered.Where(d => d.Endpoint.StartsWith(run, StringComparison.Ordinal)).Select(d => d.ArrivedAt).DefaultIfEmpty(firstSent).Max();
        var pipelineSeconds = Math.Max(Stopwatch.GetElapsedTime(firstSent, lastArrival).TotalSeconds, 0.001);
        var quietLatency = Percentiles.Of([.. quiet.Select(p => p.Ms)]);
        var busyLatency = Percentiles.Of([.. busy.Select(p => p.Ms)]);
        var ratio = Check.Ratio(busyLatency.P50, quietLatency.P50);
        Console.WriteLine($"    until the last of {subscribers:N0}: p50 {Figures.Format(Percentiles.Of([.. fanOuts.Select(f => f.LastMs)]).P50)} ms; "
            + $"{deliveries.Count / pipelineSeconds:0} deliveries/s; posting p50 {Figures.Format(busyLatency.P50)} ms against {Figures.Format(quietLatency.P50)} ms; {missed} missed");

        return new ScenarioResult(Id, $"Notifications: one project update to {subscribers:N0} webhook subscribers",
            "Projects' posting latency with subscribers within 10 % of the run without")
        {
            Measurements =
            [
                new Measurement($"posting an update, no subscribers ({events})") { Latency = quietLatency, CpuPercent = quietCpu },
                new Measurement($"posting an update, {subscribers:N0} subscribers ({events})") { Latency = busyLatency, CpuPercent = busyCpu },
                new Measurement($"until the last of {subscribers:N0} subscribers has an update ({events} updates)")
                {
                    Latency = Percentiles.Of([.. fanOuts.Select(f => f.LastMs)]),
                    Errors = missed,
                },
                new Measurement($"each delivery ({deliveries.Count:N0})")
                {
                    Throughput = deliveries.Count / pipelineSeconds,
                    ThroughputUnit = "deliveries/s",
                    Latency = Percentiles.Of(deliveries),
                },
            ],
            Checks =
            [
                new("posting latency p50 with subscribers / without", ratio, "x", GoalDirection.Under, WithinShare),
                new($"deliveries missed (not within {GiveUpAfter.TotalSeconds:0} s)", missed, "", GoalDirection.Under, 1),
            ],
            Notes =
            [
                $"The publishing side: the demo's Heilbronn editor posts {events} updates to `{Project}` through the gateway (`POST /api/projects/{Project}/updates`), {PostsPerSecond:0} per second; its latency is the HTTP request's, measured first with no subscriber, then with {subscribers:N0}.",
                $"The subscribers: {subscribers:N0} webhook subscriptions of the partner `{Partner}` to the project, each to its own endpoint on one local Kestrel receiver (127.0.0.1, allow-listed for the benchmark), each verified by the CloudEvents handshake when created.",
                "A delivery's latency: from sending the post until the receiver accepted the signed CloudEvent; \"until the last\" is per update, until its last subscriber had it.",
                $"Deliveries per second: all deliveries over the time from the first post until the last delivery ({pipelineSeconds:0.0} s).",
                "One run of each side, not pairs in turns: the baseline is the project before it had subscribers, so it can only come first.",
            ],
        };
    }

    static async Task<(List<Post> Posts, IReadOnlyDictionary<string, double> Cpu)> MeasureCpuAsync(Dictionary<string, int> processes,
        Func<Task<List<Post>>> work, CancellationToken cancellationToken)
    {
        var meter = new CpuMeter();
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        return await meter.MeasureAsync(work, cancellationToken);
    }

    /// <summary>Posts <paramref name="count"/> updates at a steady pace and times each request.</summary>
    static async Task<List<Post>> PostAsync(HttpClient editor, string prefix, int count, CancellationToken cancellationToken)
    {
        var posts = new List<Post>();
        for (var i = 0; i < count; i++)
        {
            var title = $"{prefix}-{i}";
            var sentAt = Stopwatch.GetTimestamp();
            using var response = await editor.PostAsJsonAsync($"/api/projects/{Project}/updates",
                new { title, text = "Zwischenstand aus dem Reallabor für die Partner.", happenedOn = DateOnly.FromDateTime(DateTime.UtcNow) }, cancellationToken);
            var ms = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"Posting an update answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            posts.Add(new Post(title, sentAt, ms));
            var pause = TimeSpan.FromSeconds(1 / PostsPerSecond) - TimeSpan.FromMilliseconds(ms);
            if (pause > TimeSpan.Zero)
                await Task.Delay(pause, cancellationToken);
        }
        return posts;
    }

    /// <summary>Per post of the run (by the number its title ends in), when each endpoint first accepted it.</summary>
    static List<Dictionary<string, long>> ArrivalsByPost(WebhookReceiver receiver, string prefix, int posts)
    {
        var arrivals = Enumerable.Range(0, posts).Select(_ => new Dictionary<string, long>()).ToList();
        var title = new Regex(Regex.Escape(prefix) + @"-(\d+)(?!\d)");
        foreach (var delivery in receiver.Delivered)
        {
            if (title.Match(delivery.Body) is not { Success: true } match || int.Parse(match.Groups[1].Value) is not (>= 0 and var index) || index >= posts)
                continue;
            var byEndpoint = arrivals[index];
            if (!byEndpoint.TryGetValue(delivery.Endpoint, out var at) || delivery.ArrivedAt < at)
                byEndpoint[delivery.Endpoint] = delivery.ArrivedAt;
        }
        return arrivals;
    }

    sealed record Post(string Title, long SentAt, double Ms);
}
