using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>Sends through the SMTP server of <c>Smtp:*</c> with MailKit, one connection per batch; chosen only when <c>Smtp:Host</c> is set.</summary>
public sealed class SmtpDelivery(IOptions<SmtpOptions> options) : IMailDelivery
{
    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var session = new Session(options.Value);
        await session.ConnectAsync(ct);
        return session;
    }

    sealed class Session(SmtpOptions smtp) : IMailSession
    {
        readonly SmtpClient _client = new();

        public async Task ConnectAsync(CancellationToken ct)
        {
            await _client.ConnectAsync(smtp.Host!, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (!string.IsNullOrEmpty(smtp.User))
                await _client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            // A refused message can leave the connection closed; the next one in the batch gets a new one.
            if (!_client.IsConnected)
                await ConnectAsync(ct);
            await _client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync(quit: true);
            _client.Dispose();
        }
    }
}
