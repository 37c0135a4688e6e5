namespace Kommune20.Notifications.Digests;

/// <summary>
/// The absolute links an e-mail carries, under the portal's public address (<c>Identity:Issuer</c>, the gateway's root): the
/// portal's pages to confirm and to unsubscribe, the one-click unsubscribe of RFC 8058, and a notice's page.
/// </summary>
public sealed class MailLinks(Uri portal)
{
    public MailLinks(IConfiguration configuration) : this(new Uri(configuration["Identity:Issuer"] ?? "http://localhost:8080/"))
    {
    }

    public Uri Page(string path) => new(portal, path);

    public Uri Confirmation(string token) => Page("/abonnements/bestaetigen?token=" + Uri.EscapeDataString(token));

    public Uri Unsubscribe(string token) => Page("/abbestellen?token=" + Uri.EscapeDataString(token));

    /// <summary>Where a mail program posts <c>List-Unsubscribe=One-Click</c>: ends the subscription without a page.</summary>
    public Uri OneClickUnsubscribe(string token) => Page("/api/notifications/email/unsubscribe/one-click?token=" + Uri.EscapeDataString(token));
}
