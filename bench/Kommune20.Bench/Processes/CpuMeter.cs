using System.Diagnostics;

namespace Kommune20.Bench.Processes;

/// <summary>The CPU share of named processes over a stretch of time, in percent of one core.</summary>
public sealed class CpuMeter
{
    readonly Dictionary<string, Func<int?>> _processes = [];

    /// <summary>A process whose id may change between runs (a load generator started per run).</summary>
    public CpuMeter Watch(string name, Func<int?> pid)
    {
        _processes[name] = pid;
        return this;
    }

    public CpuMeter Watch(string name, int pid) => Watch(name, () => pid);

    /// <summary>Runs <paramref name="work"/> while sampling, and returns its result with each process's CPU share.</summary>
    public async Task<(T Result, IReadOnlyDictionary<string, double> CpuPercent)> MeasureAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var used = _processes.Keys.ToDictionary(name => name, _ => 0.0);
        var last = new Dictionary<string, (int Pid, double Seconds)>();
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = Task.Run(async () =>
        {
            while (true)
            {
                Sample(used, last);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var result = await work();
        Sample(used, last);
        await stop.CancelAsync();
        await sampling;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (result, used.ToDictionary(entry => entry.Key, entry => Math.Round(entry.Value / seconds * 100, 1)));
    }

    void Sample(Dictionary<string, double> used, Dictionary<string, (int Pid, double Seconds)> last)
    {
        lock (used)
        {
            foreach (var (name, pidOf) in _processes)
            {
                if (pidOf() is not { } pid || ProcFs.CpuSeconds(pid) is not { } seconds)
                    continue;
                if (last.TryGetValue(name, out var previous) && previous.Pid == pid)
                    used[name] += seconds - previous.Seconds;
                last[name] = (pid, seconds);
            }
        }
    }
}
