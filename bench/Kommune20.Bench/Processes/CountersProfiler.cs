using System.Diagnostics;
using System.Globalization;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Processes;

/// <summary>
/// Runtime counters of processes while a load runs, from dotnet-counters (installed by <c>./kommune20 bench</c> under
/// .kommune20/tools): CPU, garbage collections, allocation, thread pool and lock contention show why a goal was missed.
/// </summary>
public sealed class CountersProfiler(string tool, string workFolder)
{
    static readonly TimeSpan AttachTime = TimeSpan.FromSeconds(2);

    public static CountersProfiler? Find(string? tool, string workFolder) =>
        tool is not null && File.Exists(tool) ? new CountersProfiler(tool, workFolder) : null;

    public async Task<Profile> CaptureAsync(string label, IReadOnlyDictionary<string, int> processes, TimeSpan duration,
        Func<Task> load, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workFolder);
        var collectors = processes.Select(process =>
        {
            var output = Path.Combine(workFolder, $"{label}-{process.Key}.csv");
            File.Delete(output);
            var seconds = (int)Math.Ceiling((duration + AttachTime + AttachTime).TotalSeconds);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
                     {
                         "collect", "-p", process.Value.ToString(CultureInfo.InvariantCulture), "--format", "csv", "-o", output,
                         "--counters", "System.Runtime", "--duration", TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
                     })
                start.ArgumentList.Add(argument);
            var collector = Process.Start(start) ?? throw new InvalidOperationException("dotnet-counters did not start");
            _ = collector.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = collector.StandardError.ReadToEndAsync(cancellationToken);
            return (Name: process.Key, Output: output, Collector: collector);
        }).ToList();

        await Task.Delay(AttachTime, cancellationToken);
        await load();
        var figures = new List<CounterFigure>();
        foreach (var (name, output, collector) in collectors)
        {
            await collector.WaitForExitAsync(cancellationToken);
            collector.Dispose();
            if (File.Exists(output))
                figures.AddRange(CountersCsv.Summarize(name, await File.ReadAllTextAsync(output, cancellationToken)));
        }
        return new Profile("dotnet-counters, System.Runtime", figures);
    }
}

/// <summary>Sums up dotnet-counters' CSV (Timestamp,Provider,Counter Name,Counter Type,Mean/Increment) per counter.</summary>
public static class CountersCsv
{
    /// <summary>The counters that explain throughput: CPU, GC, allocation, thread pool, contention, exceptions.</summary>
    static readonly string[] Telling =
    [
        "cpu.time", "gc.collections", "total_allocated", "gc.pause", "heap.size", "thread_pool.queue", "thread_pool.thread.count",
        "lock_contentions", "exceptions", "working_set", "committed_size",
    ];

    const string Bytes = "(By";
    const double BytesPerMb = 1024 * 1024;

    public static IEnumerable<CounterFigure> Summarize(string process, string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(ParseLine)
            .OfType<(string Counter, double Value)>()
            .Where(sample => Telling.Any(word => sample.Counter.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(InMegabytes)
            .GroupBy(sample => sample.Counter)
            .Where(group => group.Any(sample => sample.Value != 0))
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new CounterFigure(process, group.Key, group.Average(s => s.Value), group.Max(s => s.Value)));

    /// <summary>Byte counters read better in MB: "dotnet.gc.heap.total_allocated (By / 1 sec)" becomes "(MB / 1 sec)".</summary>
    static (string Counter, double Value) InMegabytes((string Counter, double Value) sample) =>
        sample.Counter.Contains(Bytes, StringComparison.Ordinal)
            ? (sample.Counter.Replace(Bytes, "(MB", StringComparison.Ordinal), sample.Value / BytesPerMb)
            : sample;

    static (string Counter, double Value)? ParseLine(string line)
    {
        // The counter name may hold commas inside its tags ("[gc.heap.generation=gen0]"), so split from both ends.
        var first = line.IndexOf(',');
        var second = first < 0 ? -1 : line.IndexOf(',', first + 1);
        var last = line.LastIndexOf(',');
        var beforeLast = last <= 0 ? -1 : line.LastIndexOf(',', last - 1);
        if (second < 0 || beforeLast <= second)
            return null;
        return double.TryParse(line[(last + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (line[(second + 1)..beforeLast], value)
            : null;
    }
}
