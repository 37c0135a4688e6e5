using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.CityNode.Tests;

/// <summary>Drafts from the city's own systems arrive through the Dapr sidecar and wait in the node for an editor.</summary>
[Collection(NodeCollection.Name)]
public sealed class DraftsInboxTests(CityNodeFactory node)
{
    [Fact]
    public async Task A_draft_is_kept_in_the_node_and_not_sent_to_the_hub()
    {
        using var delivery = await DeliverAsync(new { id = "cms-entwurf", practice = new { title = "Augmented-Reality-Zeitreise" } });

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        Assert.Equal(RecordStatus.Draft, (await db.Records.SingleAsync(r => r.Id == "cms-entwurf")).Status);
        Assert.False(await db.ChangeLog.AnyAsync(entry => entry.RecordId == "cms-entwurf"));
    }

    [Fact]
    public async Task A_draft_needs_a_title_and_a_valid_id_and_the_refusal_says_so_in_German()
    {
        using var delivery = await DeliverAsync(new { id = "Kein Kennzeichen", practice = new { goal = "Etwas" } });

        Assert.Equal(HttpStatusCode.BadRequest, delivery.StatusCode);
        using var problem = JsonDocument.Parse(await delivery.Content.ReadAsStringAsync());
        Assert.Equal("Die Angaben sind ungültig.", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("id", out _));
        Assert.Equal("Ein Entwurf braucht mindestens einen Titel.", errors.GetProperty("practice.title")[0].GetString());
    }

    [Fact]
    public async Task A_draft_does_not_overwrite_what_the_editors_published()
    {
        await using (var scope = node.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChangeLog>().WriteAsync(
                CityNodeFactory.Heidelberg, RecordKind.Practice, "schon-veroeffentlicht", RecordStatus.Published, """{"title":"Veröffentlicht"}""", CancellationToken.None);
        }

        using var delivery = await DeliverAsync(new { id = "schon-veroeffentlicht", practice = new { title = "Entwurf" } });

        Assert.Equal(HttpStatusCode.Conflict, delivery.StatusCode);
        using var problem = JsonDocument.Parse(await delivery.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task A_second_delivery_with_the_same_id_does_not_overwrite_the_draft()
    {
        using (var first = await DeliverAsync(new { id = "zweimal-geliefert", practice = new { title = "Erste Fassung" } }))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await DeliverAsync(new { id = "zweimal-geliefert", practice = new { title = "Zweite Fassung" } });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        await using var scope = node.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<NodeDb>().Records.SingleAsync(r => r.Id == "zweimal-geliefert");
        Assert.Contains("Erste Fassung", draft.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("test-app-toke")]
    [InlineData("test-app-token-")]
    [InlineData("TEST-APP-TOKEN")]
    public async Task Only_the_sidecar_with_the_app_token_may_deliver(string? token)
    {
        using var client = node.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Add("dapr-api-token", token);
        using var delivery = await client.PostAsJsonAsync("/dapr/drafts", new { id = "falscher-token", practice = new { title = "Falscher Token" } });

        Assert.Equal(HttpStatusCode.Unauthorized, delivery.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Without_a_configured_app_token_every_delivery_is_refused(string? header)
    {
        using var withoutToken = NodeWith(("APP_API_TOKEN", ""));
        using var client = withoutToken.CreateClient();
        if (header is not null)
            client.DefaultRequestHeaders.Add("dapr-api-token", header);

        using var delivery = await client.PostAsJsonAsync("/dapr/drafts", new { id = "ohne-token", practice = new { title = "Ohne Token" } });

        Assert.Equal(HttpStatusCode.Unauthorized, delivery.StatusCode);
    }

    [Fact]
    public async Task The_demo_without_a_sidecar_takes_deliveries_without_a_token()
    {
        using var demo = NodeWith(("APP_API_TOKEN", ""), ("Seed:DemoData", "true"));
        using var client = demo.CreateClient();

        using var delivery = await client.PostAsJsonAsync("/dapr/drafts", new { id = "demo-entwurf", practice = new { title = "Demo" } });

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
    }

    /// <summary>The node with other settings, over a database of its own.</summary>
    WebApplicationFactory<Program> NodeWith(params (string Key, string Value)[] settings) =>
        node.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("K20_DATA", Path.Combine(Path.GetTempPath(), "k20-citynode-tests-" + Guid.NewGuid().ToString("N")));
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        });

    async Task<HttpResponseMessage> DeliverAsync(object draft)
    {
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", CityNodeFactory.AppToken);
        return await client.PostAsJsonAsync("/dapr/drafts", draft);
    }
}
