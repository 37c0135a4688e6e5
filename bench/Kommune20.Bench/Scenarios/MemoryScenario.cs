using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;

namespace Kommune20.Bench.Scenarios;

/// <summary>Resident memory (VmRSS, and PSS at rest) of each process of the hub at rest after its start and at its peak under load through the gateway.</summary>
public sealed class MemoryScenario : IScenario
{
    const double RestLimitMb = 150;
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public string Id => "memory";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var processes = context.Hub.Processes.ToDictionary(process => process.Name, process => process.Id);
        var (emptyProcess, _) = await BaselineApp.StartAsync(BaselineApp.Empty);
        await using var empty = emptyProcess;
        await Task.Delay(Settle, cancellationToken);

        var rest = processes.ToDictionary(process => process.Key, process => ProcFs.ResidentMb(process.Value));
        var restProportional = processes.ToDictionary(process => process.Key, process => ProcFs.ProportionalMb(process.Value));
        var emptyRest = ProcFs.ResidentMb(empty.Id);
        var emptyProportional = ProcFs.ProportionalMb(empty.Id);
        var target = new HttpTarget(new Uri(context.Hub.Gateway, "/api/registry/members"));
        var peak = await MemoryWatch.PeakDuringAsync(processes,
            () => context.Http.RunAsync(target, context.Settings.Saturating, cancellationToken), cancellationToken);
        foreach (var (name, megabytes) in rest)
            Console.WriteLine($"    {name} at rest: {Figures.Format(megabytes)} MB, PSS {Figures.Format(restProportional[name])} MB");
        foreach (var (name, megabytes) in peak)
            Console.WriteLine($"    {name} under load (peak): {Figures.Format(megabytes)} MB");

        IReadOnlyList<Check> checks = rest
            .Select(process => new Check($"{process.Key} at rest", process.Value, "MB", GoalDirection.Under, RestLimitMb))
            .ToList();
        var profile = await context.ProfileIfMissedAsync(Id, checks, processes, () => Task.Delay(context.Settings.Duration, cancellationToken), cancellationToken);

        return new ScenarioResult(Id, "Memory at rest and under load", "none (reported; an empty ASP.NET Core app for scale)")
        {
            Measurements =
            [
                .. rest.Select(process => new Measurement($"{process.Key} at rest") { ResidentMb = process.Value, ProportionalMb = restProportional[process.Key] }),
                new Measurement("empty ASP.NET Core app at rest") { ResidentMb = emptyRest, ProportionalMb = emptyProportional },
                .. peak.Select(process => new Measurement($"{process.Key} under load (peak)") { ResidentMb = process.Value }),
            ],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                "VmRSS from /proc/<pid>/status, PSS (the proportional set size: pages shared with other processes, such as the .NET runtime's mapped files, counted by their share) from /proc/<pid>/smaps_rollup; the goal holds the resident set. At rest: after the hub's start (the Registry has seeded the demo data) and a few quiet seconds, before any other scenario.",
                $"Under load: the highest value while {context.Http.Name} sends `GET /api/registry/members` through the gateway on {context.Settings.Connections} connections.",
                "The services run from their build output (JIT), with the Web SDK's defaults: server GC, which .NET 10 sizes dynamically (DATAS). "
                + "The ReadyToRun publish the images ship holds about as much at rest (less JIT-compiled code, larger assemblies mapped; measured by hand, bench/findings/memory.md).",
                "Measured once (no pairs): the goal is absolute, and memory at rest can only be read before the other scenarios have filled the hub; the empty app is there for scale, not as a ratio.",
            ],
        };
    }
}
