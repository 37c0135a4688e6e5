using Kommune20.Notifications.Data;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// Sends the <see cref="OutgoingMail"/> that is due. Each e-mail is taken by a conditional update that moves its next attempt
/// ahead (another instance then leaves it alone), deleted once the server took it, and after a failure tried again later,
/// with back-off from a minute up to six hours, <see cref="MaxAttempts"/> times (more than a day) before it is given up.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, IMailDelivery delivery, MailSignal signal, TimeProvider clock, ILogger<MailSender> logger)
    : BackgroundService
{
    public const int MaxAttempts = 12;
    const int BatchSize = 50;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);
    static readonly TimeSpan LongestPause = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sending e-mails failed; trying again");
            }
            if (taken < BatchSize)
                await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <returns>How many e-mails this instance took.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMails.AsNoTracking().Where(m => m.GaveUpAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        var taken = new List<OutgoingMail>();
        foreach (var mail in due)
        {
            if (await db.OutgoingMails.Where(m => m.Id == mail.Id && m.NextAttemptAt == mail.NextAttemptAt)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, now + Lease), ct) == 1)
                taken.Add(mail);
        }
        if (taken.Count == 0)
            return 0;
        IMailSession session;
        try
        {
            session = await delivery.OpenAsync(ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            foreach (var mail in taken)
                await FailedAsync(db, mail, exception, ct);
            return taken.Count;
        }
        await using (session)
        {
            foreach (var mail in taken)
            {
                try
                {
                    await session.SendAsync(mail.Read(), ct);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    await FailedAsync(db, mail, exception, ct);
                    continue;
                }
                await db.OutgoingMails.Where(m => m.Id == mail.Id).ExecuteDeleteAsync(ct);
                logger.LogInformation("Sent the {Kind} e-mail {MailId} of subscription {SubscriptionId}", mail.Kind, mail.Id, mail.SubscriptionId);
            }
        }
        return taken.Count;
    }

    async Task FailedAsync(NotificationsDb db, OutgoingMail mail, Exception exception, CancellationToken ct)
    {
        var attempts = mail.AttemptCount + 1;
        var now = clock.GetUtcNow();
        var givenUp = attempts >= MaxAttempts;
        var next = now + Pause(attempts);
        await db.OutgoingMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.AttemptCount, attempts)
            .SetProperty(m => m.LastError, exception.Message)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.GaveUpAt, givenUp ? now : null), ct);
        if (givenUp)
            logger.LogError(exception, "Gave up the {Kind} e-mail {MailId} after {Attempts} attempts", mail.Kind, mail.Id, attempts);
        else
            logger.LogWarning(exception, "The {Kind} e-mail {MailId} was not sent (attempt {Attempts}); next attempt at {NextAttemptAt}", mail.Kind, mail.Id, attempts, next);
    }

    /// <summary>1, 2, 4 … minutes after the attempts so far, at most six hours.</summary>
    public static TimeSpan Pause(int attempts) => Backoff.After(attempts, FirstPause, 2, LongestPause);
}
