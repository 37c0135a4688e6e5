using System.Diagnostics;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Testing;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// From <c>dotnet Service.dll</c> to <c>/health/ready</c> answering 200, for the Registry and the gateway, against an
/// empty ASP.NET Core app. One unmeasured start first (the Registry seeds its data there), then repeated starts.
/// </summary>
public sealed class ColdStartScenario : IScenario
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public string Id => "cold-start";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var registryData = Path.Combine(hub.DataDirectory, "registry-cold-start");
        var registryDll = RepoPaths.Dll("services/Registry", "Kommune20.Registry");
        var gatewayDll = RepoPaths.Dll("gateway", "Kommune20.Gateway");

        var empty = await MeasureAsync("empty ASP.NET Core app", BaselineApp.Dll, () =>
        {
            var (http, _, environment) = BaselineApp.Settings(BaselineApp.Empty);
            return (http, environment);
        }, context.Settings.ColdStarts, cancellationToken);
        var registry = await MeasureAsync("Registry", registryDll, () =>
        {
            var http = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
            return (http, hub.RegistrySettings(new Dictionary<string, string>
            {
                ["K20_DATA"] = registryData,
                ["Kestrel__Endpoints__Http__Url"] = http.AbsoluteUri.TrimEnd('/'),
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{FreePorts.Next()}",
                ["Seed__DemoData"] = "true",
                ["Seed__CredentialsFile"] = Path.Combine(registryData, "demo-credentials.json"),
            }));
        }, context.Settings.ColdStarts, cancellationToken);
        var gateway = await MeasureAsync("gateway", gatewayDll, () =>
        {
            var settings = hub.GatewaySettings(new Dictionary<string, string>());
            return (new Uri(settings["Kestrel__Endpoints__Http__Url"] + "/"), settings);
        }, context.Settings.ColdStarts, cancellationToken);

        IReadOnlyList<Check> checks =
        [
            new("Registry start / empty app start (p50)", Check.Ratio(registry.Latency!.P50, empty.Latency!.P50), "x", GoalDirection.Under, 3),
            new("gateway start / empty app start (p50)", Check.Ratio(gateway.Latency!.P50, empty.Latency.P50), "x", GoalDirection.Under, 3),
        ];
        return new ScenarioResult(Id, "Cold start to ready", "an empty ASP.NET Core app")
        {
            Measurements = [empty, registry, gateway],
            Checks = checks,
            Notes =
            [
                $"{context.Settings.ColdStarts} starts each, after one unmeasured start; latency columns are the start times in ms, memory the resident set when ready.",
                "Ready means `/health/ready` answered 200 (polled every 5 ms): for the Registry its database and the broker, for the gateway its clusters, for the empty app just itself.",
                "The Registry restarts on an existing, seeded SQLite database; the gateway starts before a running Registry. No ReadyToRun or tiered-compilation tuning.",
            ],
        };
    }

    static async Task<Measurement> MeasureAsync(string label, string dll, Func<(Uri Http, Dictionary<string, string> Environment)> settings, int starts,
        CancellationToken cancellationToken)
    {
        await StartOnceAsync(label, dll, settings(), cancellationToken);
        var times = new List<double>();
        var memory = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            var (milliseconds, residentMb) = await StartOnceAsync(label, dll, settings(), cancellationToken);
            times.Add(milliseconds);
            memory.Add(residentMb);
        }
        var measured = new Measurement(label) { Latency = Percentiles.Of(times), ResidentMb = memory.Average() };
        Console.WriteLine($"    {label}: p50 {Figures.Format(measured.Latency.P50)} ms to ready, {Figures.Format(measured.ResidentMb.Value)} MB");
        return measured;
    }

    static async Task<(double Milliseconds, double ResidentMb)> StartOnceAsync(string label, string dll, (Uri Http, Dictionary<string, string> Environment) settings,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        await using var process = ServiceProcess.Start(label, dll, settings.Http, settings.Environment);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), PollInterval);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (milliseconds, ProcFs.ResidentMb(process.Id));
    }
}
