using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// What every e-mail of the service shares: the sender (<c>Smtp:From</c>), a plain-text and an HTML part of the same content
/// (multipart/alternative), and the unsubscribe link at the foot and in the <c>List-Unsubscribe</c> headers (RFC 2369, and
/// RFC 8058's one-click POST, which mail programs offer as a button).
/// </summary>
public sealed class Letterhead(MailboxAddress from, MailLinks links)
{
    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public Letterhead(IOptions<SmtpOptions> smtp, MailLinks links) : this(MailboxAddress.Parse(smtp.Value.From), links)
    {
    }

    public MailLinks Links => links;

    /// <summary>Text for HTML: everything a subscriber or a city wrote is encoded.</summary>
    public static string Encode(string text) => Html.Encode(text);

    /// <param name="html">The HTML body's content, already encoded.</param>
    public MimeMessage Write(string to, string subject, string text, string html, string unsubscribeToken)
    {
        var unsubscribe = links.Unsubscribe(unsubscribeToken).AbsoluteUri;
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Headers.Add("List-Unsubscribe", $"<{links.OneClickUnsubscribe(unsubscribeToken).AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder
        {
            TextBody = $"{text}\n\n-- \nKommune 2.0 e. V.\nAbbestellen (ohne Anmeldung): {unsubscribe}\n",
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="de">
                <head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
                <body style="font-family: sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.5;">
                {html}
                <hr>
                <p>Kommune 2.0 e. V. · <a href="{Encode(unsubscribe)}" style="color: #0b4f8a;">Abbestellen (ohne Anmeldung)</a></p>
                </body>
                </html>
                """,
        }.ToMessageBody();
        return message;
    }
}
