using System.Diagnostics;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Testing;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// From <c>dotnet Service.dll</c> to <c>/health/ready</c> answering 200, for the Registry and the gateway, against an
/// empty ASP.NET Core app, each started from a ReadyToRun publish as the images ship it (<see cref="ReadyToRunPublish"/>).
/// One unmeasured start first (the Registry seeds its data there), then repeated starts in turns.
/// </summary>
public sealed class ColdStartScenario : IScenario
{
    const string EmptyApp = "empty ASP.NET Core app";
    const string RegistryService = "Registry";
    const string GatewayService = "gateway";
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public string Id => "cold-start";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var hub = context.Hub;
        var registryData = Path.Combine(hub.DataDirectory, "registry-cold-start");
        var registryDll = await ReadyToRunPublish.DllAsync("services/Registry", "Kommune20.Registry", cancellationToken);
        var gatewayDll = await ReadyToRunPublish.DllAsync("gateway", "Kommune20.Gateway", cancellationToken);
        var emptyDll = await ReadyToRunPublish.DllAsync(BaselineApp.ProjectFolder, BaselineApp.AssemblyName, cancellationToken);

        (Uri, Dictionary<string, string>) Empty()
        {
            var (http, _, environment) = BaselineApp.Settings(BaselineApp.Empty);
            return (http, environment);
        }
        (Uri, Dictionary<string, string>) Registry()
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
        }
        (Uri, Dictionary<string, string>) Gateway()
        {
            var settings = hub.GatewaySettings(new Dictionary<string, string>());
            return (new Uri(settings["Kestrel__Endpoints__Http__Url"] + "/"), settings);
        }

        // One unmeasured start each (the Registry seeds its data there), then the services and the empty app in turns.
        await StartOnceAsync(EmptyApp, emptyDll, Empty(), cancellationToken);
        await StartOnceAsync(RegistryService, registryDll, Registry(), cancellationToken);
        await StartOnceAsync(GatewayService, gatewayDll, Gateway(), cancellationToken);
        var starts = await AlternatingPairs.RunAsync(context.Settings.ColdStarts,
            async _ => (Registry: await StartOnceAsync(RegistryService, registryDll, Registry(), cancellationToken),
                Gateway: await StartOnceAsync(GatewayService, gatewayDll, Gateway(), cancellationToken)),
            async _ => await StartOnceAsync(EmptyApp, emptyDll, Empty(), cancellationToken));
        var empty = Measured(EmptyApp, [.. starts.Select(start => start.Baseline)]);
        var registry = Measured(RegistryService, [.. starts.Select(start => start.Subject.Registry)]);
        var gateway = Measured(GatewayService, [.. starts.Select(start => start.Subject.Gateway)]);

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("Registry start / empty app start", [.. starts.Select(start => Check.Ratio(start.Subject.Registry.Milliseconds, start.Baseline.Milliseconds))],
                "x", GoalDirection.Under, 3),
            Check.OfPairs("gateway start / empty app start", [.. starts.Select(start => Check.Ratio(start.Subject.Gateway.Milliseconds, start.Baseline.Milliseconds))],
                "x", GoalDirection.Under, 3),
        ];
        return new ScenarioResult(Id, "Cold start to ready", "an empty ASP.NET Core app")
        {
            Measurements = [empty, registry, gateway],
            Checks = checks,
            Notes =
            [
                $"{context.Settings.ColdStarts} starts each, after one unmeasured start; latency columns are the start times in ms, memory the resident set when ready.",
                "The starts in turns: the Registry, the gateway, then the empty app, and again; a pair is one start of a service and the empty app's start after it. "
                + "Each goal is the median of the pairs' ratios; where they spread wider than the median lies from the goal the verdict is inconclusive. A start not ready within 60 s fails the run.",
                "Ready means `/health/ready` answered 200 (polled every 5 ms): for the Registry its startup work done (migrations, web clients, demo seed; it runs after the Registry listens, and until then `/health/ready` answers 503), its database and the broker; for the gateway its clusters; for the empty app just itself. "
                + "The Registry's `/health/live` answers earlier, but is not ready: the goal counts until ready.",
                "Each started from a ReadyToRun publish (`dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true`, as deploy/Dockerfile and deploy/podman/images.sh publish the images) into bench/work/publish/, made once and reused while the build output is unchanged; the build output itself (JIT only) is not measured. "
                + "The Registry restarts on an existing, seeded SQLite database; the gateway starts before a running Registry. No tiered-compilation tuning.",
            ],
        };
    }

    static Measurement Measured(string label, IReadOnlyList<(double Milliseconds, double ResidentMb)> starts)
    {
        var measured = new Measurement(label)
        {
            Latency = Percentiles.Of([.. starts.Select(start => start.Milliseconds)]),
            ResidentMb = starts.Average(start => start.ResidentMb),
        };
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
