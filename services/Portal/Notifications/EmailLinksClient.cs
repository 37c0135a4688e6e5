using System.Net.Http.Json;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Notifications;

/// <summary>
/// What the links in the Notifications service's e-mails do (<c>/api/notifications/email</c>, open at the gateway): confirm a
/// digest subscription (double opt-in), look one up and end it by its unsubscribe token. Nobody needs to be signed in; an
/// unknown or expired token comes back as the service's problem document (404).
/// </summary>
public sealed class EmailLinksClient(HttpClient http)
{
    public Task<ApiResult<EmailSubscription>> ConfirmAsync(string token, CancellationToken ct = default) => PostAsync("confirmation", token, ct);

    public Task<ApiResult<EmailSubscription>> LookUpAsync(string token, CancellationToken ct = default) => PostAsync("subscription", token, ct);

    public Task<ApiResult<EmailSubscription>> UnsubscribeAsync(string token, CancellationToken ct = default) => PostAsync("unsubscribe", token, ct);

    async Task<ApiResult<EmailSubscription>> PostAsync(string action, string token, CancellationToken ct) =>
        await ApiResult<EmailSubscription>.ReadAsync(await http.PostAsJsonAsync($"/api/notifications/email/{action}", new { token }, Json.Options, ct), ct, Json.Options);
}

/// <summary>A digest subscription as its e-mail's link shows it: the address, what it follows in words, how often (also in words).</summary>
public sealed record EmailSubscription(string Email, string Follows, string Frequency, bool IsConfirmed);
