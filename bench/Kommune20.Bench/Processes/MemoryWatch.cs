namespace Kommune20.Bench.Processes;

/// <summary>The highest resident memory of processes while some work runs, sampled every 250 ms.</summary>
public static class MemoryWatch
{
    public static async Task<IReadOnlyDictionary<string, double>> PeakDuringAsync(
        IReadOnlyDictionary<string, int> processes, Func<Task> work, CancellationToken cancellationToken)
    {
        var peak = processes.Keys.ToDictionary(name => name, name => ProcFs.ResidentMb(processes[name]));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (name, pid) in processes)
                    peak[name] = Math.Max(peak[name], ProcFs.ResidentMb(pid));
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

        await work();
        await stop.CancelAsync();
        await sampling;
        return peak;
    }
}
