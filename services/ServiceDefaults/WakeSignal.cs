using System.Threading.Channels;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// Wakes a background worker that otherwise polls: <see cref="Notify"/> after new work was committed, and the worker's
/// <see cref="WaitAsync"/> returns at once instead of at its next poll. Notifications while the worker is busy collapse into one.
/// </summary>
public class WakeSignal
{
    readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _pending.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _pending.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: look anyway, in case another instance wrote.
        }
    }
}
