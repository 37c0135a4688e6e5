using System.Diagnostics;

namespace Kommune20.Bench.Load;

/// <summary>
/// Many callers at the same instant: each runs on its own task and waits at one gate, which opens once every task is
/// created; bounded by a time after which the callers' token cancels what is still under way.
/// </summary>
public static class Burst
{
    /// <returns>Each caller's result, in the callers' order, and the time from the gate's opening until the last one finished.</returns>
    public static async Task<(IReadOnlyList<T> Results, TimeSpan Elapsed)> RunAsync<T>(int callers, Func<int, CancellationToken, Task<T>> caller,
        TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, callers).Select(index => Task.Run(async () =>
        {
            await gate.Task;
            return await caller(index, bounded.Token);
        }, CancellationToken.None)).ToList();

        bounded.CancelAfter(giveUpAfter);
        var opened = Stopwatch.GetTimestamp();
        gate.SetResult();
        var results = await Task.WhenAll(running);
        return (results, Stopwatch.GetElapsedTime(opened));
    }
}
