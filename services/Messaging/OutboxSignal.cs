using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kommune20.Messaging;

/// <summary>Wakes the outbox dispatcher after a commit, so events leave in milliseconds rather than at the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;

internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }
}
