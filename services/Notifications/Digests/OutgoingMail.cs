using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// An e-mail written and waiting for <see cref="MailSender"/>: stored in the same transaction as what caused it (a new
/// subscription, a claimed digest), so a mail server that is down delays it instead of losing it. Deleted once sent, with the
/// link tokens it carries; given up after <see cref="MailSender.MaxAttempts"/> attempts.
/// </summary>
public sealed class OutgoingMail
{
    public const string Confirmation = "confirmation";
    public const string Digest = "digest";

    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }

    /// <summary>What it is, for the log: <c>confirmation</c> or <c>digest</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The whole message in MIME form, as it goes out.</summary>
    public byte[] Message { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public int AttemptCount { get; set; }

    /// <summary>When a sender may take it (again); a sender that takes it moves this ahead, so another instance leaves it alone.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? GaveUpAt { get; set; }

    public static OutgoingMail Of(Guid subscriptionId, string kind, MimeMessage message, DateTimeOffset now)
    {
        using var mime = new MemoryStream();
        message.WriteTo(mime);
        return new OutgoingMail { Id = Guid.NewGuid(), SubscriptionId = subscriptionId, Kind = kind, Message = mime.ToArray(), CreatedAt = now, NextAttemptAt = now };
    }

    public MimeMessage Read()
    {
        using var mime = new MemoryStream(Message);
        return MimeMessage.Load(mime);
    }
}
