using Kommune20.Notifications.Subscriptions;
using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>The double opt-in: asks the address to confirm a new e-mail subscription by its link; nothing else is sent before.</summary>
public static class ConfirmationLetter
{
    public const string Subject = "Bitte bestätigen Sie Ihr Abonnement";

    public static MimeMessage Compose(Letterhead head, Subscription subscription, string token)
    {
        var link = head.Links.Confirmation(token).AbsoluteUri;
        var what = $"die {Adjective(subscription.Frequency)} E-Mail-Zusammenfassung über {FollowWords.Describe(subscription.Follows)}";
        var who = string.IsNullOrWhiteSpace(subscription.CreatedBy) ? "Jemand" : subscription.CreatedBy;
        var days = (int)DigestEnrolment.ConfirmationValidFor.TotalDays;
        var text = $"""
            Guten Tag,

            {who} hat für diese Adresse ({subscription.Email}) {what} im Netzwerk Kommune 2.0 bestellt.

            Bitte bestätigen Sie das Abonnement innerhalb von {days} Tagen:
            {link}

            Wenn Sie nichts bestellt haben, müssen Sie nichts tun: Ohne Bestätigung erhalten Sie keine weiteren E-Mails.
            """;
        var html = $"""
            <h1 style="font-size: 1.4em;">{Letterhead.Encode(Subject)}</h1>
            <p>Guten Tag,</p>
            <p>{Letterhead.Encode(who)} hat für diese Adresse ({Letterhead.Encode(subscription.Email!)}) {Letterhead.Encode(what)} im Netzwerk Kommune 2.0 bestellt.</p>
            <p><a href="{Letterhead.Encode(link)}" style="color: #0b4f8a; font-weight: bold;">Abonnement bestätigen</a> (innerhalb von {days} Tagen)</p>
            <p>Wenn Sie nichts bestellt haben, müssen Sie nichts tun: Ohne Bestätigung erhalten Sie keine weiteren E-Mails.</p>
            """;
        return head.Write(subscription.Email!, Subject, text, html, subscription.UnsubscribeToken!);
    }

    static string Adjective(DigestFrequency? frequency) => frequency == DigestFrequency.Daily ? "tägliche" : "wöchentliche";
}
