using System.Net;
using System.Security.Cryptography;
using Kommune20.Notifications.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// Takes a webhook subscription's endpoint, gives it a secret of its own to sign deliveries with, and verifies the endpoint
/// before anything is delivered to it: an address that is obviously not public is refused at once, and the endpoint must
/// accept the validation handshake (<see cref="WebhookHandshake"/>). Both refusals are 422 naming <c>url</c>.
/// </summary>
public sealed class WebhookEnrolment(WebhookClient client, WebhookHandshake handshake, TimeProvider clock)
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

    /// <summary>
    /// Runs the handshake with the subscription's endpoint and marks it verified, or not verified (nothing is delivered then).
    /// </summary>
    /// <returns>Null when verified, else the 422 problem naming <c>url</c>.</returns>
    public async Task<ProblemHttpResult?> VerifyAsync(Subscription subscription, CancellationToken ct)
    {
        var endpoint = new Uri(subscription.Url!);
        var refusal = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal) && !client.Permits(literal)
            ? $"„{endpoint.Host}“ ist keine öffentliche Adresse; Webhooks erreichen nur öffentliche Adressen."
            : await handshake.RefusalAsync(subscription, ct);
        subscription.VerifiedAt = refusal is null ? clock.GetUtcNow() : null;
        return refusal is null ? null : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["url"] = [refusal] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Der Webhook-Endpunkt ist nicht bestätigt.",
        });
    }

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
