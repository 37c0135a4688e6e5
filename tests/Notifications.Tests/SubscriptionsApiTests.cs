using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;

namespace Kommune20.Notifications.Tests;

/// <summary>
/// The subscription API in-process: a subscription belongs to the organisation of the person who made it, another
/// organisation does not see it (404, never 403), and every wrong field is named.
/// </summary>
public sealed class SubscriptionsApiTests : IDisposable
{
    static readonly Guid Iese = Guid.Parse("6b0e2f1a-0101-4c20-9a20-000000000101");
    static readonly Guid Kgst = Guid.Parse("6b0e2f1a-0102-4c20-9a20-000000000102");
    readonly IsolatedService<Program> _service = new("notifications", host => host.AcceptTestTokens());

    HttpClient Partner(Guid member, string name)
    {
        var http = _service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For(Guid.NewGuid().ToString(), [Roles.PartnerContact], name, member));
        return http;
    }

    [Fact]
    public async Task Another_organisation_neither_lists_nor_reads_nor_ends_a_subscription()
    {
        using var iese = Partner(Iese, "Ivan Acimovic");
        using var kgst = Partner(Kgst, "Marc Groß");
        using var created = await iese.PostAsJsonAsync("/api/notifications/subscriptions",
            new { follows = "project", projectKey = "reallabore-heilbronn", channel = "email", email = "ivan@iese.example", frequency = "weekly" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Empty(await kgst.GetFromJsonAsync<JsonElement[]>("/api/notifications/subscriptions") ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await kgst.GetAsync($"/api/notifications/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kgst.DeleteAsync($"/api/notifications/subscriptions/{id}")).StatusCode);

        var own = Assert.Single(await iese.GetFromJsonAsync<JsonElement[]>("/api/notifications/subscriptions") ?? []);
        Assert.Equal(("project", "reallabore-heilbronn", "email", false),
            (own.GetProperty("follows").GetString(), own.GetProperty("projectKey").GetString(), own.GetProperty("channel").GetString(), own.GetProperty("isActive").GetBoolean()));
        Assert.Equal(HttpStatusCode.NoContent, (await iese.DeleteAsync($"/api/notifications/subscriptions/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"follows":"weather","channel":"email","email":"a@b.de","frequency":"weekly"}""", "follows")]
    [InlineData("""{"follows":"project","channel":"email","email":"a@b.de","frequency":"weekly"}""", "projectKey")]
    [InlineData("""{"follows":"sdgTarget","sdgTarget":"99.9","channel":"email","email":"a@b.de","frequency":"weekly"}""", "sdgTarget")]
    [InlineData("""{"follows":"calendar","channel":"pigeon"}""", "channel")]
    [InlineData("""{"follows":"calendar","channel":"email","email":"kein-at-zeichen","frequency":"weekly"}""", "email")]
    [InlineData("""{"follows":"calendar","channel":"email","email":"a@b.de","frequency":"hourly"}""", "frequency")]
    [InlineData("""{"follows":"calendar","channel":"webhook","url":"ftp://example.org/hook"}""", "url")]
    public async Task A_wrong_field_is_named(string body, string field)
    {
        using var iese = Partner(Iese, "Ivan Acimovic");

        using var response = await iese.PostAsync("/api/notifications/subscriptions", new StringContent(body, MediaTypeHeaderValue.Parse("application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_subscribes_without_signing_in()
    {
        using var anonymous = _service.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/notifications/subscriptions", new { follows = "calendar", channel = "email" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose() => _service.Dispose();
}
