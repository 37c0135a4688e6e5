using System.Net.Mail;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// Takes an e-mail subscription's address and frequency, unconfirmed (double opt-in): the confirmation e-mail is stored with
/// the subscription, in its transaction, and sent by the <see cref="MailSender"/>; only the hash of its link's token is kept.
/// </summary>
public sealed class DigestEnrolment(NotificationsDb db, Letterhead head, TimeProvider clock)
{
    public const int MaxEmailLength = 254;
    public static readonly TimeSpan ConfirmationValidFor = TimeSpan.FromDays(7);

    public Task EnrolAsync(Subscription subscription, string? email, string? frequency, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        subscription.Frequency = SubscriptionRules.ReadFrequency(frequency, errors);
        var address = email?.Trim();
        if (address is not { Length: > 0 and <= MaxEmailLength } || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            errors["email"] = ["Die E-Mail-Adresse ist unvollständig oder ungültig (z. B. „name@beispiel.de“)."];
            return Task.CompletedTask;
        }
        subscription.Email = address;
        if (errors.Count > 0)
            return Task.CompletedTask;
        var now = clock.GetUtcNow();
        var token = EmailTokens.New();
        subscription.ConfirmationTokenHash = EmailTokens.Hash(token);
        subscription.ConfirmationExpiresAt = now + ConfirmationValidFor;
        subscription.UnsubscribeToken = EmailTokens.New();
        db.OutgoingMails.Add(OutgoingMail.Of(subscription.Id, OutgoingMail.Confirmation, ConfirmationLetter.Compose(head, subscription, token), now));
        return Task.CompletedTask;
    }
}
