using System.Net.Http.Json;
using Kommune20.Portal.Registry;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Notifications;

/// <summary>
/// The organisation's subscriptions behind the gateway (<c>/api/notifications/subscriptions</c>), called with the signed-in
/// person's token: follow something on a webhook or by e-mail, end it, renew the webhook's secret, check its endpoint
/// again, read its deliveries and deliver one again. Another organisation's subscription is 404, as if there were none.
/// </summary>
public sealed class NotificationsClient(HttpClient http)
{
    public const int DeliveriesPageSize = 20;
    const string Subscriptions = "/api/notifications/subscriptions";

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<List<Subscription>>(Subscriptions, Json.Options, ct) ?? [];

    /// <summary>The organisation's subscription, or null when it has none of this id.</summary>
    public Task<Subscription?> GetAsync(Guid id, CancellationToken ct = default) => http.FindAsync<Subscription>(Path(id), Json.Options, ct);

    /// <summary>The new subscription; a webhook's comes with its secret, shown this once.</summary>
    public async Task<ApiResult<Subscription>> SubscribeAsync(SubscriptionInput input, CancellationToken ct = default) =>
        await ReadAsync<Subscription>(await http.PostAsJsonAsync(Subscriptions, input, Json.Options, ct), ct);

    public async Task<ApiProblem?> EndAsync(Guid id, CancellationToken ct = default) =>
        await ApiReads.ProblemOfAsync(await http.DeleteAsync(Path(id), ct), ct);

    /// <summary>The subscription with a new secret, shown this once; the old one still signs for a day.</summary>
    public Task<ApiResult<Subscription>> RotateSecretAsync(Guid id, CancellationToken ct = default) => PostAsync<Subscription>($"{Path(id)}/secret", ct);

    /// <summary>The endpoint's handshake once more; a refusal names <c>url</c>.</summary>
    public Task<ApiResult<Subscription>> VerifyAsync(Guid id, CancellationToken ct = default) => PostAsync<Subscription>($"{Path(id)}/verification", ct);

    /// <summary>The deliveries, newest first.</summary>
    public async Task<ApiResult<PagedList<Delivery>>> DeliveriesAsync(Guid id, int page, CancellationToken ct = default) =>
        await ReadAsync<PagedList<Delivery>>(await http.GetAsync($"{Path(id)}/deliveries?page={Math.Max(1, page)}&pageSize={DeliveriesPageSize}", ct), ct);

    /// <summary>Sends a delivered or given-up delivery again now.</summary>
    public Task<ApiResult<Delivery>> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct = default) =>
        PostAsync<Delivery>($"{Path(id)}/deliveries/{deliveryId}/redeliver", ct);

    static string Path(Guid id) => $"{Subscriptions}/{id}";

    async Task<ApiResult<T>> PostAsync<T>(string path, CancellationToken ct) => await ReadAsync<T>(await http.PostAsync(path, null, ct), ct);

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
