using System.Security.Cryptography;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Webhooks;

/// <summary>Takes a webhook subscription's endpoint and gives it a secret of its own to sign deliveries with.</summary>
public sealed class WebhookEnrolment
{
    public const int MaxUrlLength = 2000;

    public Task EnrolAsync(Subscription subscription, string? url, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http")
            || url!.Length > MaxUrlLength)
        {
            errors["url"] = ["Die Adresse des Webhooks ist eine vollständige http- oder https-Adresse (höchstens 2000 Zeichen)."];
            return Task.CompletedTask;
        }
        subscription.Url = endpoint.AbsoluteUri;
        subscription.Secret = NewSecret();
        return Task.CompletedTask;
    }

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
