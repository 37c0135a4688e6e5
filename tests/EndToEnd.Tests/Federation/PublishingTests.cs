using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>A city editor publishes on the city's node; the hub follows. Real node, Federation, gateway and broker.</summary>
[Collection(FederationCollection.Name)]
public sealed class PublishingTests(FederationFixture fixture)
{
    /// <summary>What the node tells the Dapr sidecar it subscribes to (GET /dapr/subscribe; Dapr reads names case-insensitively).</summary>
    sealed record DaprSubscription(string PubsubName, string Topic, string Route);

    Hub Hub => fixture.Hub;

    [Fact]
    public async Task A_practice_published_on_the_Heidelberg_node_appears_at_the_hub_follows_an_edit_and_leaves_when_withdrawn()
    {
        await using var published = await EventProbe<PracticePublished>.SubscribeAsync(Hub);
        await using var withdrawn = await EventProbe<PracticeWithdrawn>.SubscribeAsync(Hub);
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        // Other tests of the collection publish on Heidelberg's node too: its log may not start empty.
        var before = (await editor.FederationAsync()).HeadVersion;

        using (var response = await editor.PublishAsync("digitallotsen", Practices.Digitallotsen()))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Eventually.HoldsAsync(async () =>
        {
            var replica = await hub.PracticeAsync(Practices.Heidelberg, "digitallotsen");
            Assert.NotNull(replica);
            Assert.Equal(Practices.Heidelberg, replica.OriginMemberId);
            Assert.Equal(before + 1, replica.Version);
            Assert.Equal(["16.6"], replica.Practice.SdgTargets);
        });
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(published.Consumed, e => e.Origin is { OriginId: "digitallotsen" } && e.Origin.Version == before + 1 && e.Origin.OriginMemberId == Practices.Heidelberg);
            return Task.CompletedTask;
        });

        using (var response = await editor.ChangeAsync("digitallotsen", Practices.Digitallotsen("Digitallotsinnen und Digitallotsen in allen Ämtern")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.HoldsAsync(async () =>
        {
            var replica = await hub.PracticeAsync(Practices.Heidelberg, "digitallotsen");
            Assert.Equal(before + 2, replica!.Version);
            Assert.Equal("Digitallotsinnen und Digitallotsen in allen Ämtern", replica.Practice.Title);
        });

        using (var response = await editor.WithdrawAsync("digitallotsen"))
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.HoldsAsync(async () =>
        {
            Assert.Null(await hub.PracticeAsync(Practices.Heidelberg, "digitallotsen"));
            Assert.DoesNotContain(await hub.PracticesOfAsync(Practices.Heidelberg), r => r.OriginId == "digitallotsen");
            Assert.Contains(withdrawn.Consumed, e => e.Origin is { OriginId: "digitallotsen" } && e.Origin.Version == before + 3);
            var state = await editor.FederationAsync();
            Assert.Equal((before + 3, before + 3, 0L), (state.HeadVersion, state.AcknowledgedVersion, state.Lag));
        });
    }

    [Fact]
    public async Task A_network_only_practice_is_shown_to_signed_in_members_only()
    {
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heilbronn, "heilbronn");
        var practice = Practices.Digitallotsen("Strategie Digitale Stadt Heilbronn 2030") with { Visibility = Visibility.Network };
        using (var response = await editor.PublishAsync("digitale-stadt-2030", practice))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        using var member = new HubReplicas(SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password)));
        using var visitor = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        await Eventually.HoldsAsync(async () => Assert.Equal(Visibility.Network, (await member.PracticeAsync(Practices.Heilbronn, "digitale-stadt-2030"))?.Visibility));
        Assert.Null(await visitor.PracticeAsync(Practices.Heilbronn, "digitale-stadt-2030"));
    }

    [Fact]
    public async Task Drafts_from_the_citys_own_systems_arrive_as_CloudEvents_and_wait_for_an_editor()
    {
        using var http = new HttpClient { BaseAddress = fixture.Pforzheim.BaseAddress };
        var subscriptions = await http.GetFromJsonAsync<List<DaprSubscription>>("/dapr/subscribe", new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal(new DaprSubscription("city-inbox", "drafts", "dapr/drafts"), Assert.Single(subscriptions!));

        var cloudEvent = new
        {
            specversion = "1.0",
            type = "de.pforzheim.cms.entwurf",
            source = "https://www.pforzheim.de/cms",
            id = Guid.NewGuid().ToString(),
            datacontenttype = "application/json",
            data = new { id = "augmented-reality-zeitreise", practice = new { title = "Pforzheim vor und nach der Zerstörung – Augmented Reality" } },
        };
        StringContent Envelope() => new(JsonSerializer.Serialize(cloudEvent), Encoding.UTF8, "application/cloudevents+json");
        using (var withoutToken = await http.PostAsync("/dapr/drafts", Envelope()))
            Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);

        http.DefaultRequestHeaders.Add("dapr-api-token", fixture.DaprAppToken);
        using var delivery = await http.PostAsync("/dapr/drafts", Envelope());
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);

        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Pforzheim, "pforzheim");
        var draft = Assert.Single(await editor.PracticesAsync(), r => r.Id == "augmented-reality-zeitreise");
        Assert.Equal("draft", draft.Status);

        using (var incomplete = await editor.PublishDraftAsync("augmented-reality-zeitreise"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
            Assert.Contains("\"goal\"", await incomplete.Content.ReadAsStringAsync());
        }
        var complete = Practices.Digitallotsen("Pforzheim vor und nach der Zerstörung – Augmented Reality") with
        {
            Goal = "Mit Augmented Reality ein Pforzheim vor und nach der Zerstörung im Zweiten Weltkrieg darstellen.",
            Description = "Ein Projekt mit der Hochschule Pforzheim und dem Kulturamt.",
            SdgTargets = [],
            FundingProgramme = null,
            Links = [],
        };
        using (var change = await editor.ChangeAsync("augmented-reality-zeitreise", complete))
            Assert.Equal("draft", (await change.Content.ReadFromJsonAsync<CityNodeEditor.NodeRecord>(ServiceDefaults.Json.Options))!.Status);
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Pforzheim, "augmented-reality-zeitreise"));

        using (var publication = await editor.PublishDraftAsync("augmented-reality-zeitreise"))
            Assert.Equal(HttpStatusCode.OK, publication.StatusCode);
        await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Pforzheim, "augmented-reality-zeitreise")));
    }

    [Fact]
    public async Task The_gateway_publishes_the_federation_API_reference()
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        Assert.Contains("federation", await http.GetStringAsync("/api/docs"));
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/federation.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/federation/practices", out _));
        Assert.True(paths.TryGetProperty("/api/federation/state", out _));
    }

    [Fact]
    public async Task Only_the_citys_own_editors_may_write_and_bad_input_is_named()
    {
        var practice = Practices.Digitallotsen();
        using var anonymous = new HttpClient { BaseAddress = fixture.Heidelberg.BaseAddress };
        using (var response = await anonymous.PostAsJsonAsync("/api/node/practices", new { id = "fremd", record = practice }, ServiceDefaults.Json.Options))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var pforzheimOnHeidelberg = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "pforzheim");
        using (var response = await pforzheimOnHeidelberg.PublishAsync("fremd", practice))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var heidelberg = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        using var invalid = await heidelberg.PublishAsync("kaputt", practice with { SdgTargets = ["16.11"], Links = [new PracticeLink("Seite", "heidelberg")] });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("record.sdgTargets[0]", out _));
        Assert.True(errors.TryGetProperty("record.links[0].url", out _));
        Assert.DoesNotContain(await heidelberg.PracticesAsync(), r => r.Id == "kaputt");
    }

    [Fact]
    public async Task Server_owned_fields_an_editor_sends_are_not_stored()
    {
        using var heidelberg = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        var id = "eigene-felder-" + Guid.NewGuid().ToString("N")[..6];
        var record = JsonSerializer.Serialize(Practices.Digitallotsen(), ServiceDefaults.Json.Options);

        using var created = await heidelberg.Http.PostAsync("/api/node/practices", new StringContent($$"""
            {"id":"{{id}}","record":{{record}},"version":999999,"status":"withdrawn","updatedAt":"2000-01-01T00:00:00Z",
             "origin":{"memberId":"{{Guid.NewGuid()}}","originId":"anderswo","version":999999} }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var stored = Assert.Single(await heidelberg.PracticesAsync(), r => r.Id == id);
        Assert.Equal("published", stored.Status);
        Assert.True(stored.Version < 999999, $"version {stored.Version}");
        Assert.Equal(stored.Version, (await heidelberg.FederationAsync()).HeadVersion);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=10001", "page")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task The_node_lists_its_records_a_bounded_page_at_a_time(string query, string field)
    {
        using var heidelberg = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        using var outOfBounds = await heidelberg.Http.GetAsync($"/api/node/practices?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, outOfBounds.StatusCode);
        using var problem = JsonDocument.Parse(await outOfBounds.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), query);

        var page = await heidelberg.Http.GetFromJsonAsync<JsonElement>("/api/node/practices?pageSize=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
    }
}
