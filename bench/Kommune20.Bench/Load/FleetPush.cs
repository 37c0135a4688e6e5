using System.Diagnostics;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Bench.Workloads;
using Kommune20.Federation.Client;
using Kommune20.Testing;

namespace Kommune20.Bench.Load;

/// <summary>What a fleet's push took: the cities' waits, the CPU share and peak memory of the hub's processes, and how long CPU was measured.</summary>
public sealed record FleetPushResult(CityWaits Waits, IReadOnlyDictionary<string, double> CpuPercent, IReadOnlyDictionary<string, double> PeakMb, TimeSpan Measured)
{
    /// <summary>The CPU time of <paramref name="processes"/> together, in milliseconds per change.</summary>
    public double CpuMsPerChange(IEnumerable<string> processes, int changes) =>
        processes.Sum(name => CpuPercent[name]) / 100 * Measured.TotalMilliseconds / changes;
}

/// <summary>
/// Many push loops in the bench process, started at the same instant over one gRPC channel, each keeping one
/// in-memory change log in step with the hub; done when the hub has acknowledged every log or a time limit passed.
/// </summary>
public static class FleetPush
{
    /// <summary>The hub's processes that take part in a push (further gateways other scenarios started stay idle).</summary>
    public static readonly IReadOnlyList<string> Watched = ["registry", "federation", "library", "gateway"];

    /// <summary>Starts every loop (loop i keeps log i) at once and waits until all logs are acknowledged or <paramref name="giveUpAfter"/> has passed.</summary>
    public static async Task<FleetPushResult> RunAsync(Hub hub, IReadOnlyList<PushLoop> loops, IReadOnlyList<QueuedChangeLog> logs, TimeSpan giveUpAfter,
        CancellationToken cancellationToken)
    {
        var processes = hub.Processes.Where(process => Watched.Contains(process.Name)).ToDictionary(process => process.Name, process => process.Id);
        var meter = new CpuMeter().Watch("bench (fleet)", Environment.ProcessId);
        foreach (var (name, pid) in processes)
            meter.Watch(name, pid);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var start = Stopwatch.GetTimestamp();
        var ((running, peaks), cpu) = await meter.MeasureAsync(async () =>
        {
            List<Task> started = [];
            var peaks = await MemoryWatch.PeakDuringAsync(processes, async () =>
            {
                started = loops.Select(loop => loop.RunAsync(stop.Token)).ToList();
                await Task.WhenAny(Task.WhenAll(logs.Select(log => log.CaughtUp)), Task.Delay(giveUpAfter, cancellationToken));
            }, cancellationToken);
            return (started, peaks);
        }, cancellationToken);
        var measured = Stopwatch.GetElapsedTime(start);
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A loop stopped in its pause after a push; the loops are done either way.
        }
        var waits = CityWaits.Of(start, [.. logs.Select(log => log.Outcome)], giveUpAfter);
        return new FleetPushResult(waits, cpu, peaks, measured);
    }
}
