namespace Kommune20.Notifications.Digests;

/// <summary>
/// <c>Smtp:*</c>: the server the e-mails go through. Without <see cref="Host"/> (the demo under <c>./kommune20 up</c> has no
/// mail server) nothing is sent: each e-mail is written as an <c>.eml</c> file into the data directory's <c>mail</c> folder.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string From { get; set; } = "Kommune 2.0 e. V. <benachrichtigungen@kommune20.de>";
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Insist on STARTTLS; otherwise it is used when the server offers it.</summary>
    public bool StartTls { get; set; }
}
