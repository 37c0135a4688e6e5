using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Ical.Net.CalendarComponents;
using Kommune20.Testing;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// Meetings keeps the cities' events from Federation's events on the real broker and serves them in the network calendar:
/// published, listed and in the feed; updated with a higher SEQUENCE; withdrawn, gone.
/// </summary>
public sealed class CityEventCalendarTests : IAsyncLifetime
{
    static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");

    readonly IsolatedService<Program> _meetings = new("meetings");
    Upstream _federation = null!;
    HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _http = _meetings.CreateClient();
        // Ready means the consumers' queues are bound: nothing published from here on is lost.
        await Eventually.HoldsAsync(async () => Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready")).StatusCode), TimeSpan.FromSeconds(60));
        _federation = await Upstream.ConnectAsync(_meetings.MessagingNamespace);
    }

    public async Task DisposeAsync()
    {
        await _federation.DisposeAsync();
        _http.Dispose();
        await _meetings.DisposeAsync();
    }

    static CityEventRecord Talk(DateTimeOffset startsAt, bool cancelled = false) => new(
        "Digitalität@Heidelberg: Chancen und Risiken", "Workshops und Vorträge, offen für alle.", startsAt, startsAt.AddHours(2),
        "Heidelberg", null, "https://www.heidelberg.de", cancelled, Visibility.Public);

    static RecordOrigin Origin(string originId, long version) => new(Heidelberg, originId, version, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_published_event_is_listed_and_in_the_feeds_an_update_moves_it_and_a_withdrawal_removes_it()
    {
        var originId = "digitalitaet-" + Guid.NewGuid().ToString("N")[..8];
        var uid = $"termin-{Heidelberg}-{originId}@kommune20";
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(60).AddHours(17), TimeSpan.Zero);

        await _federation.PublishAsync(new CityEventPublished(Origin(originId, 1), Talk(startsAt)));
        await Eventually.HoldsAsync(async () => Assert.Contains(await ListedTitlesAsync(), t => t == "Digitalität@Heidelberg: Chancen und Risiken"), TimeSpan.FromSeconds(30));

        using var feed = await _http.GetAsync("/feeds/events.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", feed.Content.Headers.ContentType?.CharSet);
        Assert.True(feed.Headers.CacheControl?.Public);
        var published = Single(await feed.Content.ReadAsStringAsync(), uid);
        Assert.Equal(startsAt.UtcDateTime, published.DtStart!.AsUtc);
        Assert.Equal(0, published.Sequence);
        Assert.Contains("Veranstalter:", published.Description);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatchAsync("/feeds/events.ics", feed.Headers.ETag!)).StatusCode);

        // One member's feed: Heidelberg's holds its event, Pforzheim's does not.
        Assert.Single(Events(await _http.GetStringAsync($"/feeds/members/{Heidelberg}/events.ics"), uid));
        Assert.Empty(Events(await _http.GetStringAsync($"/feeds/members/{Pforzheim}/events.ics"), uid));
        Assert.Contains("Digitalität@Heidelberg: Chancen und Risiken", await ListedTitlesAsync($"&member={Heidelberg}"));
        Assert.DoesNotContain("Digitalität@Heidelberg: Chancen und Risiken", await ListedTitlesAsync($"&member={Pforzheim}"));

        // Moved and called off: a newer version; an older one arriving late changes nothing.
        await _federation.PublishAsync(new CityEventUpdated(Origin(originId, 3), Talk(startsAt.AddDays(7), cancelled: true)));
        await _federation.PublishAsync(new CityEventUpdated(Origin(originId, 2), Talk(startsAt.AddDays(1))));
        CalendarEvent? updated = null;
        await Eventually.HoldsAsync(async () =>
        {
            updated = Single(await _http.GetStringAsync("/feeds/events.ics"), uid);
            Assert.Equal("CANCELLED", updated.Status);
        }, TimeSpan.FromSeconds(30));
        Assert.Equal(startsAt.AddDays(7).UtcDateTime, updated!.DtStart!.AsUtc);
        // SEQUENCE counts the revisions applied: 1 when version 3 came first, 2 when version 2 was applied before it.
        Assert.InRange(updated.Sequence, 1, 2);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatchAsync("/feeds/events.ics", feed.Headers.ETag!)).StatusCode);

        await _federation.PublishAsync(new CityEventWithdrawn(Origin(originId, 4)));
        await Eventually.HoldsAsync(async () => Assert.Empty(Events(await _http.GetStringAsync("/feeds/events.ics"), uid)), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(await ListedTitlesAsync(), t => t.StartsWith("Digitalität@Heidelberg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_network_only_event_is_not_in_the_public_feed_or_list()
    {
        var originId = "intern-" + Guid.NewGuid().ToString("N")[..8];
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(9), TimeSpan.Zero);
        var open = Talk(startsAt) with { Title = "Offener Termin " + originId };
        var internalOnly = Talk(startsAt) with { Title = "Interner Termin " + originId, Visibility = Visibility.Network };

        await _federation.PublishAsync(new CityEventPublished(Origin(originId, 1), internalOnly));
        await _federation.PublishAsync(new CityEventPublished(Origin("offen-" + originId, 2), open));
        await Eventually.HoldsAsync(async () => Assert.Contains(open.Title, await ListedTitlesAsync()), TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(internalOnly.Title, await ListedTitlesAsync());
        Assert.DoesNotContain("Interner Termin", await _http.GetStringAsync("/feeds/events.ics"));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?member=heidelberg", "member")]
    public async Task Paging_out_of_bounds_or_a_malformed_member_gets_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await _http.GetAsync("/api/meetings/events" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task An_assembly_that_does_not_exist_has_no_invitation()
    {
        using var response = await _http.GetAsync($"/api/meetings/assemblies/{Guid.NewGuid()}/invitation.ics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    async Task<List<string>> ListedTitlesAsync(string filter = "")
    {
        using var page = JsonDocument.Parse(await _http.GetStringAsync("/api/meetings/events?pageSize=200" + filter));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString()!).ToList();
    }

    async Task<HttpResponseMessage> GetIfNoneMatchAsync(string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await _http.SendAsync(request);
    }

    static List<CalendarEvent> Events(string ics, string uid) => Ical.Net.Calendar.Load(ics)!.Events.Where(e => e.Uid == uid).ToList();

    static CalendarEvent Single(string ics, string uid) => Assert.Single(Events(ics, uid));
}
