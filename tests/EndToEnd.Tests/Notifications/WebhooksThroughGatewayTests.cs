using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>
/// Webhooks as partners use them, through the gateway and the real broker: Fraunhofer IESE follows Heilbronn's Reallabor with
/// a receiver that fails three times and still gets the update exactly once, signed; internal targets are refused and a
/// redirect to one is never followed; KGSt sees nothing of IESE's subscription.
/// </summary>
[Collection(NotificationsHub.Name)]
public sealed class WebhooksThroughGatewayTests(NotificationsHub fixture)
{
    const string Reallabor = "reallabore-heilbronn";

    Hub Hub => fixture.Hub;

    [Fact]
    public async Task A_receiver_that_fails_three_times_gets_the_update_once_signed_as_a_CloudEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst("iese", 3);
        using var iese = await Hub.SignedInAsync("moderation-iese");
        var subscription = await SubscribeAsync(iese, receiver.Endpoint("iese"));
        Assert.True(subscription.GetProperty("isActive").GetBoolean());

        var title = await PostUpdateAsync("Parksensoren montiert");

        var delivered = await Eventually(() => Assert.Single(receiver.To("iese")));
        Assert.Contains(title, delivered.Body);
        var headers = new HeaderDictionary(delivered.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value)));
        new StandardWebhook(subscription.GetProperty("secret").GetString()!).Verify(delivered.Body, headers);
        Assert.StartsWith("application/cloudevents+json", delivered.ContentType);
        var cloudEvent = JsonDocument.Parse(delivered.Body).RootElement;
        var eventId = cloudEvent.GetProperty("id").GetString()!;
        Assert.Equal(eventId, delivered.Headers["webhook-id"]);
        Assert.Equal("de.kommune20.project.update.posted", cloudEvent.GetProperty("type").GetString());
        Assert.Equal(new Uri(Hub.Gateway, "/projekte/reallabore-heilbronn").AbsoluteUri, cloudEvent.GetProperty("data").GetProperty("link").GetString());

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(receiver.To("iese"));
        Assert.Equal(4, receiver.AttemptsAt("iese"));
        var log = await iese.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{Id(subscription)}/deliveries");
        var delivery = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(eventId, delivery.GetProperty("noticeId").GetString());
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal([503, 503, 503, 204], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
    }

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    public async Task An_internal_target_is_refused(string url)
    {
        using var iese = await Hub.SignedInAsync("moderation-iese");

        using var refused = await iese.PostAsJsonAsync("/api/notifications/subscriptions", Webhook(new Uri(url)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("öffentliche Adresse", problem.GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Fact]
    public async Task A_receiver_that_redirects_to_an_internal_address_is_never_delivered_to_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.RedirectTo("iese", new Uri("http://10.0.0.1/"));
        using var iese = await Hub.SignedInAsync("moderation-iese");
        var subscription = await SubscribeAsync(iese, receiver.Endpoint("iese"));

        var title = await PostUpdateAsync("Ladesäulen geplant");

        var attempts = await Eventually(async () =>
        {
            var log = await iese.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{Id(subscription)}/deliveries");
            var delivery = Assert.Single(log.GetProperty("items").EnumerateArray(), d => d.GetProperty("title").GetString()!.Contains(title));
            Assert.Equal("retrying", delivery.GetProperty("status").GetString());
            var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
            Assert.True(attempts.Count >= 2);
            return attempts;
        });
        Assert.All(attempts, attempt =>
        {
            Assert.Equal(302, attempt.GetProperty("statusCode").GetInt32());
            Assert.Contains("nicht gefolgt", attempt.GetProperty("error").GetString());
        });
        Assert.Empty(receiver.To("iese"));
    }

    [Fact]
    public async Task Another_partner_gets_404_for_a_subscription_and_its_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var iese = await Hub.SignedInAsync("moderation-iese");
        using var kgst = await Hub.SignedInAsync("moderation-kgst");
        var subscription = await SubscribeAsync(iese, receiver.Endpoint("iese"));
        var path = $"/api/notifications/subscriptions/{Id(subscription)}";

        foreach (var request in new[] { Get(path), Get(path + "/deliveries"), Post(path + "/secret"), Post(path + "/verification"),
                     Post(path + $"/deliveries/{Guid.NewGuid()}/redeliver") })
        {
            using var answer = await kgst.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        using var own = await iese.GetAsync(path + "/deliveries");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var rotated = await iese.PostAsync(path + "/secret", null);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", secret);
        Assert.NotEqual(subscription.GetProperty("secret").GetString(), secret);
        using var verified = await iese.PostAsync(path + "/verification", null);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    static HttpRequestMessage Post(string path) => new(HttpMethod.Post, path);

    static string Id(JsonElement subscription) => subscription.GetProperty("id").GetString()!;

    static object Webhook(Uri url) => new { follows = "project", projectKey = Reallabor, channel = "webhook", url = url.AbsoluteUri };

    static async Task<JsonElement> SubscribeAsync(HttpClient partner, Uri url)
    {
        using var created = await partner.PostAsJsonAsync("/api/notifications/subscriptions", Webhook(url));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Heilbronn's node posts a public update to its Reallabor; its title is unique to the test.</summary>
    async Task<string> PostUpdateAsync(string title)
    {
        var unique = $"{title} {Guid.NewGuid():N}";
        var update = new ProjectUpdateRecord(Reallabor, unique, "Aus dem Reallabor.", DateOnly.FromDateTime(DateTime.UtcNow), Visibility.Public);
        using var posted = await fixture.Heilbronn.Http.PostAsJsonAsync("/api/node/project-updates",
            new { id = Guid.NewGuid().ToString("N"), record = update }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return unique;
    }

    static async Task<T> Eventually<T>(Func<Task<T>> read)
    {
        T result = default!;
        await Testing.Eventually.HoldsAsync(async () => result = await read(), TimeSpan.FromSeconds(90));
        return result;
    }

    static Task<T> Eventually<T>(Func<T> read) => Eventually(() => Task.FromResult(read()));
}
