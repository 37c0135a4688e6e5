using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kommune20.Notifications.Digests;

/// <summary>Wakes the <see cref="MailSender"/> after a commit, so a confirmation e-mail leaves in a moment rather than at the next poll.</summary>
public sealed class MailSignal : WakeSignal;

internal sealed class MailSignalInterceptor(MailSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }
}
