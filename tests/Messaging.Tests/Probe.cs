using System.Net.Http.Json;
using Kommune20.Testing;

namespace Kommune20.Messaging.Tests;

/// <summary>A probe service process (tests/Messaging.Probe): emits numbered events through its outbox, or counts those it receives.</summary>
public sealed class Probe : IAsyncDisposable
{
    readonly Dictionary<string, string> _settings;
    readonly HttpClient _http;

    public ServiceProcess Process { get; private set; }
    public string DataDirectory { get; }

    Probe(Dictionary<string, string> settings, string data, Uri address)
    {
        _settings = settings;
        DataDirectory = data;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        Process = Start();
    }

    /// <param name="name">The service name; consumers of one scenario share it, so they share its durable queue.</param>
    /// <param name="scenario">The exchange namespace of the scenario, so scenarios on one broker do not see each other's events.</param>
    /// <param name="clusterNodes">Further nodes of the broker's cluster: the probe's queues are then quorum queues.</param>
    public static Probe Launch(string name, string scenario, string broker, bool consume, int maxAttempts = 10, params string[] clusterNodes)
    {
        var data = TestEnvironment.NewDataDirectory("probe");
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var settings = new Dictionary<string, string>
        {
            ["K20_DATA"] = data,
            ["Kestrel__Endpoints__Http__Url"] = address.AbsoluteUri.TrimEnd('/'),
            ["ConnectionStrings__RabbitMq"] = broker,
            ["Messaging__Namespace"] = scenario,
            ["Messaging__Outbox__MaxAttempts"] = maxAttempts.ToString(),
            ["Probe__Name"] = name,
            ["Probe__Consume"] = consume.ToString(),
        };
        for (var i = 0; i < clusterNodes.Length; i++)
            settings[$"Messaging__ClusterNodes__{i}"] = clusterNodes[i];
        return new Probe(settings, data, address);
    }

    ServiceProcess Start() => ServiceProcess.Start("probe", RepoPaths.Dll("tests/Messaging.Probe", "Kommune20.Messaging.Probe"), _http.BaseAddress!, _settings);

    public Task WaitUntilReadyAsync() => Process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

    /// <summary>Kills the process (as a crash would) and starts it again with the same database.</summary>
    public async Task KillAsync() => await Process.StopAsync();

    public void StartAgain() => Process = Start();

    public async Task EmitAsync(int from, int count, int batch = 100, params int[] poison)
    {
        var query = $"/emit?from={from}&count={count}&batch={batch}" + string.Concat(poison.Select(number => $"&poison={number}"));
        using var response = await _http.PostAsync(query, null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<ProbeCounts> CountsAsync() => (await _http.GetFromJsonAsync<ProbeCounts>("/counts"))!;

    public async Task<int> ReadyStatusAsync()
    {
        using var response = await _http.GetAsync("/health/ready");
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Still held by the dying process; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The probe's answer at <c>/counts</c>.</summary>
public sealed record ProbeCounts(int Received, int AppliedTwice, long RedeliveriesSkipped, OutboxStatus Outbox, int FailedAttempts);
