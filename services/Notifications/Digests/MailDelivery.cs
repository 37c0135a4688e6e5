using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>Where the <see cref="MailSender"/> hands e-mails: an SMTP server (<see cref="SmtpDelivery"/>) or, without one, a folder (<see cref="PickupFolder"/>).</summary>
public interface IMailDelivery
{
    /// <summary>A session for a batch of e-mails (one SMTP connection).</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
