using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using Kommune20.Contracts.Federation;
using Kommune20.EndToEnd.Tests.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>
/// Notifications' Atom feeds at the gateway, as a feed reader polls them without signing in: an update Heilbronn's node posts
/// to its Reallabor reaches the project's feed through Federation, Projects and the broker, validates as Atom 1.0, answers 304
/// to its ETag, shows only its newest version when changed and leaves when withdrawn; a practice the node publishes is in
/// the library's feed under its filters, its topic's and its city's, and leaves them when withdrawn. The portal's pages of the
/// project and the city point to their feeds.
/// </summary>
[Collection(HubWithHeidelberg.Name)]
public sealed class FeedsThroughGatewayTests(HubWithHeidelberg fixture)
{
    const string ProjectFeed = "/feeds/projects/reallabore-heilbronn.atom";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    Hub Hub => fixture.Hub;

    [Fact]
    public async Task What_Heilbronns_node_posts_and_publishes_is_in_the_feeds_until_withdrawn()
    {
        var node = await Hub.StartCityNodeAsync("heilbronn", "node-heilbronn");
        using var editor = await CityNodeEditor.SignInAsync(Hub, node, "heilbronn");
        using var reader = new HttpClient { BaseAddress = Hub.Gateway };
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = "feed-" + marker;
        var update = new ProjectUpdateRecord("reallabore-heilbronn", $"Sensoren {marker} montiert", "Vierzig Parksensoren in der Innenstadt.",
            DateOnly.FromDateTime(DateTime.UtcNow), Visibility.Public);

        using (var posted = await editor.Http.PostAsJsonAsync("/api/node/project-updates", new { id, record = update }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var (feed, etag) = await FeedWhenAsync(reader, ProjectFeed, f => Titled(f, marker).Count == 1);

        Assert.Equal("Reallabore Digitale Stadt Heilbronn – Neuigkeiten", feed.Title.Text);
        var entry = Assert.Single(Titled(feed, marker));
        Assert.Equal($"Reallabore Digitale Stadt Heilbronn: Sensoren {marker} montiert", entry.Title.Text);
        Assert.Equal("Vierzig Parksensoren in der Innenstadt.", entry.Summary.Text);
        Assert.Equal("Heilbronn", Assert.Single(entry.Authors).Name);
        Assert.Equal(new Uri(Hub.Gateway, "/projekte/reallabore-heilbronn"), Assert.Single(entry.Links).Uri);
        Assert.Equal(new Uri(Hub.Gateway, ProjectFeed), feed.Links.Single(l => l.RelationshipType == "self").Uri);
        await PointsToAsync(reader, "/projekte/reallabore-heilbronn", ProjectFeed, feed.Title.Text);

        using (var known = new HttpRequestMessage(HttpMethod.Get, ProjectFeed))
        {
            known.Headers.IfNoneMatch.Add(etag);
            using var notModified = await reader.SendAsync(known);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        // Changed on the node: one entry, the same id, the newest text.
        using (var changed = await editor.Http.PutAsJsonAsync($"/api/node/project-updates/{id}",
                   new { record = update with { Title = $"Sensoren {marker} in Betrieb" } }, Json.Options))
            Assert.True(changed.IsSuccessStatusCode, changed.StatusCode.ToString());
        var (afterChange, changedTag) = await FeedWhenAsync(reader, ProjectFeed, f => Titled(f, marker) is [{ } only] && only.Title.Text.EndsWith("in Betrieb"));
        Assert.Equal(entry.Id, Assert.Single(Titled(afterChange, marker)).Id);
        Assert.NotEqual(etag, changedTag);

        using (var withdrawn = await editor.Http.DeleteAsync($"/api/node/project-updates/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await FeedWhenAsync(reader, ProjectFeed, f => Titled(f, marker).Count == 0);

        // A practice: in the library's feed under its filters, its topic's and its city's, until withdrawn.
        var practice = PracticeSamples.VernissageDigital() with { Title = $"Vernissage {marker}", Topics = [$"Thema {marker}", "Beteiligung"] };
        var practiceFeeds = new[]
        {
            $"/feeds/practices.atom?topic=thema%20{marker}&sdgTarget=11.3&memberId={PracticeSamples.Heilbronn}&federalState=Baden-W%C3%BCrttemberg",
            $"/feeds/topics/Thema%20{marker}.atom",
            $"/feeds/members/{PracticeSamples.Heilbronn}.atom",
        };
        using (var published = await editor.Http.PostAsJsonAsync("/api/node/practices", new { id, record = practice }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        foreach (var path in practiceFeeds)
        {
            var (found, _) = await FeedWhenAsync(reader, path, f => Titled(f, marker).Count == 1);
            var categories = Assert.Single(Titled(found, marker)).Categories.Select(c => c.Name).ToList();
            Assert.Equal([$"Thema {marker}", "Beteiligung", "16.7", "11.3"], categories);
        }
        using (var otherState = await reader.GetAsync($"/feeds/practices.atom?topic=thema%20{marker}&federalState=Bayern"))
            Assert.Empty(Titled(AtomRules.Validate(await otherState.Content.ReadAsStringAsync()), marker));

        using (var withdrawn = await editor.Http.DeleteAsync($"/api/node/practices/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        foreach (var path in practiceFeeds)
            await FeedWhenAsync(reader, path, f => Titled(f, marker).Count == 0);
    }

    [Fact]
    public async Task An_unknown_SDG_target_is_a_problem_naming_it()
    {
        using var reader = new HttpClient { BaseAddress = Hub.Gateway };

        using var response = await reader.GetAsync("/feeds/practices.atom?sdgTarget=11.99");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("sdgTarget", out _), problem.ToString());
    }

    [Fact]
    public async Task Heilbronns_page_points_feed_readers_to_its_feed()
    {
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var feed = $"/feeds/members/{PracticeSamples.Heilbronn}.atom";

        await PointsToAsync(visitor, $"/mitglieder/{PracticeSamples.Heilbronn}", feed, "Heilbronn – Neuigkeiten");
        var (atom, _) = await FeedWhenAsync(visitor, feed, _ => true);
        Assert.Equal("Heilbronn – Neuigkeiten", atom.Title.Text);
        Assert.Equal(new Uri(Hub.Gateway, $"/mitglieder/{PracticeSamples.Heilbronn}"), atom.Links.Single(l => l.RelationshipType == "alternate").Uri);
    }

    /// <summary>The portal's page names the feed in its head for feed readers and links it visibly for people.</summary>
    static async Task PointsToAsync(HttpClient visitor, string page, string feed, string title)
    {
        var html = "";
        await Eventually.HoldsAsync(async () => html = WebUtility.HtmlDecode(await visitor.GetStringAsync(page)));
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{title}\" href=\"{feed}\" />", html);
        Assert.Contains($"<a href=\"{feed}\" type=\"application/atom+xml\">", html);
    }

    static List<SyndicationItem> Titled(SyndicationFeed feed, string marker) => feed.Items.Where(i => i.Title.Text.Contains(marker)).ToList();

    /// <summary>The feed, validated as Atom 1.0 on every poll, once <paramref name="holds"/>; with its ETag.</summary>
    static async Task<(SyndicationFeed Feed, EntityTagHeaderValue ETag)> FeedWhenAsync(HttpClient reader, string path, Func<SyndicationFeed, bool> holds)
    {
        (SyndicationFeed, EntityTagHeaderValue) found = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            Assert.True(response.Headers.CacheControl?.Public);
            var etag = response.Headers.ETag!;
            Assert.False(etag.IsWeak);
            var feed = AtomRules.Validate(await response.Content.ReadAsStringAsync());
            Assert.True(holds(feed), $"{path} does not show it yet: {string.Join(" | ", feed.Items.Select(i => i.Title.Text))}");
            found = (feed, etag);
        }, Patience);
        return found;
    }
}
