using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// Without an SMTP server (<c>Smtp:Host</c> unset, as under <c>./kommune20 up</c>): each e-mail is written as an <c>.eml</c>
/// file into the data directory's <c>mail</c> folder, where a developer opens it and follows its links. Nothing is sent.
/// </summary>
public sealed class PickupFolder(string folder) : IMailDelivery, IMailSession
{
    public string Folder => folder;

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailSession>(this);
    }

    public Task SendAsync(MimeMessage message, CancellationToken ct) =>
        message.WriteToAsync(Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml"), ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
