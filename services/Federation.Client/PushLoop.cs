using Grpc.Core;

namespace Kommune20.Federation.Client;

/// <summary>
/// Keeps one change log in step with the hub: pushes when woken (a new change) or at the poll interval, and after
/// a failure (hub or gateway down, token refused) waits with exponential backoff and jitter, then resumes from
/// the hub's cursor. Neither side has to remember what was in flight. After a push it pauses briefly, so a burst of
/// edits travels in a few batches rather than one call per edit (and stays within the gateway's rate limit). When the
/// hub refuses the credential for a while (RESOURCE_EXHAUSTED with a retry-after) it waits at least that long. When the
/// hub's cursor lies beyond the log's head, the log was restored from a backup: the loop re-syncs by itself.
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
            var wakeable = true;
            try
            {
                var acknowledged = await pusher.PushPendingAsync(log, stoppingToken);
                if (acknowledged > await log.HeadVersionAsync(stoppingToken))
                    await ResyncRestoredAsync(acknowledged, stoppingToken);
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
                if (exception is RpcException refused && ChangePusher.RetryAfter(refused) is { } asked)
                {
                    // The hub refuses this credential for a while: a new edit does not shorten the wait.
                    wait = asked > wait ? asked : wait;
                    wakeable = false;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped during a push or the pause after it: a normal end, like stopping while waiting.
                return;
            }

            try
            {
                if (wakeable)
                    await _wake.WaitAsync(wait, stoppingToken);
                else
                    await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends the log's whole state: the hub then holds what the node holds again, withdraws what the backup never had, and
    /// moves its cursor back to the log's head, so that the node's next changes are not skipped as known.
    /// </summary>
    async Task ResyncRestoredAsync(long hubVersion, CancellationToken cancellationToken)
    {
        await log.RecordRestoreAsync(hubVersion, resynced: false, cancellationToken);
        await pusher.ResyncAsync(log, cancellationToken, acknowledgedBeforeRestore: hubVersion);
        await log.RecordRestoreAsync(hubVersion, resynced: true, cancellationToken);
    }
}
