using System.Text;
using Kommune20.Notifications.Subscriptions;
using StandardWebhooks;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// The Standard Webhooks headers of a delivery: <c>webhook-id</c> (the event's id), <c>webhook-timestamp</c> (seconds since
/// 1970, new on each attempt) and <c>webhook-signature</c>, <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>id.timestamp.body</c> under the subscription's secret. For a day after the secret was rotated the header carries a
/// second signature under the old one, after the new one, so that a receiver may switch over at its own pace.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static void Sign(HttpRequestMessage request, Subscription subscription, string id, ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        var payload = Encoding.UTF8.GetString(body.Span);
        var secrets = subscription.PreviousSecretUntil > now ? [subscription.Secret!, subscription.PreviousSecret!] : new[] { subscription.Secret! };
        request.Headers.Add(IdHeader, id);
        request.Headers.Add(TimestampHeader, now.ToUnixTimeSeconds().ToString());
        request.Headers.Add(SignatureHeader, string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(id, now, payload))));
    }
}
