using Kommune20.Notifications.Subscriptions;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// The CloudEvents webhook validation handshake ("HTTP 1.1 Web Hooks for Event Delivery", section 4): an <c>OPTIONS</c>
/// request naming the hub in <c>WebHook-Request-Origin</c>, which the endpoint accepts by answering 200 with
/// <c>WebHook-Allowed-Origin</c> set to that origin or <c>*</c>. It goes through the same guarded client as every delivery, so a
/// target that may not be reached fails it too.
/// </summary>
public sealed class WebhookHandshake(WebhookClient client, IOptions<WebhookOptions> options)
{
    public const string RequestOrigin = "WebHook-Request-Origin";
    public const string RequestRate = "WebHook-Request-Rate";
    public const string AllowedOrigin = "WebHook-Allowed-Origin";

    /// <returns>Null when the endpoint accepted deliveries from the hub, else why not (German).</returns>
    public async Task<string?> RefusalAsync(Subscription subscription, CancellationToken ct)
    {
        var origin = options.Value.Hub.Host;
        using var request = new HttpRequestMessage(HttpMethod.Options, subscription.Url);
        request.Headers.Add(RequestOrigin, origin);
        request.Headers.Add(RequestRate, "120");
        var answer = await client.CallAsync(request, ct);
        if (answer.Error is { } error)
            return $"Der Webhook-Endpunkt hat die Bestätigung nicht beantwortet. {error}";
        if (answer.StatusCode != StatusCodes.Status200OK)
            return $"Der Webhook-Endpunkt hat die Bestätigung mit {answer.StatusCode} statt 200 beantwortet.";
        var allowed = answer.Headers!.TryGetValues(AllowedOrigin, out var values) ? values.FirstOrDefault()?.Trim() : null;
        return allowed is "*" || string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Der Webhook-Endpunkt hat „{origin}“ nicht zugelassen: Die Antwort auf OPTIONS nennt es nicht in „{AllowedOrigin}“.";
    }
}
