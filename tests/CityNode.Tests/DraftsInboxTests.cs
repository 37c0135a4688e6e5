using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
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
                RecordKind.Practice, "schon-veroeffentlicht", RecordStatus.Published, """{"title":"Veröffentlicht"}""", CancellationToken.None);
        }

        using var delivery = await DeliverAsync(new { id = "schon-veroeffentlicht", practice = new { title = "Entwurf" } });

        Assert.Equal(HttpStatusCode.Conflict, delivery.StatusCode);
        using var problem = JsonDocument.Parse(await delivery.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Only_the_sidecar_with_the_app_token_may_deliver()
    {
        using var client = node.CreateClient();
        using var delivery = await client.PostAsJsonAsync("/dapr/drafts", new { id = "ohne-token", practice = new { title = "Ohne Token" } });

        Assert.Equal(HttpStatusCode.Unauthorized, delivery.StatusCode);
    }

    async Task<HttpResponseMessage> DeliverAsync(object draft)
    {
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", CityNodeFactory.AppToken);
        return await client.PostAsJsonAsync("/dapr/drafts", draft);
    }
}
