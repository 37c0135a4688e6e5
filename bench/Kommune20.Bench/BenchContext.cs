using System.Diagnostics;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Testing;

namespace Kommune20.Bench;

/// <summary>What every scenario gets: the running hub, the broker, the settings, the HTTP load generator and the profiler.</summary>
public sealed class BenchContext
{
    const double IdleShareOfCore = 0.1;
    static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(1);

    public required Hub Hub { get; init; }
    public required string RabbitMq { get; init; }

    /// <summary>A throwaway PostgreSQL server (a connection string without a database) for the scenarios that measure on it too; null when none was given.</summary>
    public string? Postgres { get; init; }
    public required BenchSettings Settings { get; init; }
    public required IHttpLoad Http { get; init; }
    public CountersProfiler? Profiler { get; init; }

    /// <summary>The generated practices in the library, shared by the scenarios that read it.</summary>
    public GeneratedLibrary Library => _library ??= new GeneratedLibrary(Hub);

    GeneratedLibrary? _library;

    /// <summary>The registry and gateway of the hub by name, with their process ids.</summary>
    public IReadOnlyDictionary<string, int> HubProcesses => new Dictionary<string, int>
    {
        ["registry"] = Hub.Process("registry").Id,
        ["gateway"] = Hub.Process("gateway").Id,
    };

    /// <summary>An access token of a demo city node (client credentials through the gateway).</summary>
    public async Task<string> CityNodeTokenAsync()
    {
        var client = Hub.Credentials.Clients.First();
        return await Hub.SignIn.ClientTokenAsync(client.ClientId, client.ClientSecret);
    }

    /// <summary>
    /// Loads an HTTP endpoint and measures throughput, latency, the CPU share of the processes involved and the CPU time
    /// per request of <paramref name="servers"/>, the processes that serve it (all of <paramref name="processes"/> unless named).
    /// The load comes from <paramref name="load"/>, <see cref="Http"/> unless given.
    /// </summary>
    public Task<(Measurement Measurement, LoadResult Load)> MeasureHttpAsync(string label, HttpTarget target, LoadShape shape,
        IReadOnlyDictionary<string, int> processes, CancellationToken cancellationToken, IReadOnlyCollection<string>? servers = null, IHttpLoad? load = null)
    {
        load ??= Http;
        return MeasureAsync(label, load.Name, () => load.ProcessId, () => load.RunAsync(target, shape, cancellationToken), processes, cancellationToken, servers);
    }

    /// <summary>As <see cref="MeasureHttpAsync"/>, for a load of this process (named <paramref name="generator"/>) shaped otherwise.</summary>
    public Task<(Measurement Measurement, LoadResult Load)> MeasureAsync(string label, string generator, Func<Task<LoadResult>> run,
        IReadOnlyDictionary<string, int> processes, CancellationToken cancellationToken, IReadOnlyCollection<string>? servers = null) =>
        MeasureAsync(label, generator, () => Environment.ProcessId, run, processes, cancellationToken, servers);

    async Task<(Measurement Measurement, LoadResult Load)> MeasureAsync(string label, string generator, Func<int?> generatorPid, Func<Task<LoadResult>> run,
        IReadOnlyDictionary<string, int> processes, CancellationToken cancellationToken, IReadOnlyCollection<string>? servers)
    {
        var meter = new CpuMeter();
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        meter.Watch(generator, generatorPid);
        var (load, cpu) = await meter.MeasureAsync(run, cancellationToken);
        var measured = Measurement.Of(label, load, cpu: cpu).WithServerCpu(servers ?? [.. processes.Keys]);
        Console.WriteLine($"    {label}: {Figures.Format(load.Throughput)} req/s, server CPU {Figures.Format(measured.ServerCpuMs ?? double.NaN)} ms/req, "
            + $"p50 {Figures.Format(load.Latency.P50)} ms, p99 {Figures.Format(load.Latency.P99)} ms, {load.Errors} errors");
        return (measured, load);
    }

    /// <summary>
    /// Waits until every process of the hub is idle (under a tenth of a core for a second), at most
    /// <see cref="BenchSettings.SettleLongest"/>: work a load left behind (the outbox publishing, the library indexing
    /// what it consumed) then no longer weighs on the next measurement. Returns how long it waited.
    /// </summary>
    public Task<TimeSpan> SettleAsync(CancellationToken cancellationToken) => SettleAsync(Settings.SettleLongest, cancellationToken);

    /// <summary>As <see cref="SettleAsync(CancellationToken)"/>, waiting at most <paramref name="longest"/>.</summary>
    public async Task<TimeSpan> SettleAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var last = Hub.Processes.ToDictionary(process => process.Id, process => ProcFs.CpuSeconds(process.Id) ?? 0);
        while (Stopwatch.GetElapsedTime(started) < longest)
        {
            await Task.Delay(IdleWindow, cancellationToken);
            var now = Hub.Processes.ToDictionary(process => process.Id, process => ProcFs.CpuSeconds(process.Id) ?? 0);
            var busiest = now.Max(process => process.Value - last.GetValueOrDefault(process.Key, process.Value)) / IdleWindow.TotalSeconds;
            last = now;
            if (busiest < IdleShareOfCore)
                break;
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Where a goal was missed in a full run: reruns the subject's load with dotnet-counters attached to <paramref name="processes"/>.</summary>
    public async Task<Profile?> ProfileIfMissedAsync(string label, IReadOnlyList<Check> checks, IReadOnlyDictionary<string, int> processes,
        Func<Task> subjectLoad, CancellationToken cancellationToken)
    {
        if (Profiler is null || Settings == BenchSettings.Quick || checks.All(check => check.Met))
            return null;
        Console.WriteLine($"    goal missed: profiling {string.Join(", ", processes.Keys)} with dotnet-counters");
        return await Profiler.CaptureAsync(label, processes, Settings.Warmup + Settings.Duration, subjectLoad, cancellationToken);
    }
}
