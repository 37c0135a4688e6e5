using Grpc.Core;

namespace Kommune20.Federation.Client;

/// <summary>
/// Keeps one change log in step with the hub: pushes when woken (a new change) or at the poll interval, and after
/// a failure (hub or gateway down, token refused) waits with exponential backoff and jitter, then resumes from
/// the hub's cursor. Neither side has to remember what was in flight. After a push it pauses briefly, so a burst of
/// edits travels in a few batches rather than one call per edit (and stays within the gateway's rate limit).
/// </summary>
public sealed class PushLoop(ChangePusher pusher, IChangeLog log, TimeSpan pollInterval)
{
    static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);
    static readonly TimeSpan PauseAfterPush = TimeSpan.FromMilliseconds(200);
    readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>The last failure, or null once a push succeeded again.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Asks for a push as soon as possible (after a change was recorded).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one push will take every pending change.
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await pusher.PushPendingAsync(log, stoppingToken);
                LastError = null;
                retry = FirstRetry;
                wait = pollInterval;
                await Task.Delay(PauseAfterPush, stoppingToken);
            }
            catch (Exception exception) when (exception is RpcException or HttpRequestException or IOException
                                              || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                LastError = exception;
                wait = retry + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)(retry.TotalMilliseconds / 2)));
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped during a push or the pause after it: a normal end, like stopping while waiting.
                return;
            }

            try
            {
                await _wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
