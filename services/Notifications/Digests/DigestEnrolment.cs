using System.Net.Mail;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Digests;

/// <summary>Takes an e-mail subscription's address and frequency.</summary>
public sealed class DigestEnrolment
{
    public const int MaxEmailLength = 254;

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
        return Task.CompletedTask;
    }
}
