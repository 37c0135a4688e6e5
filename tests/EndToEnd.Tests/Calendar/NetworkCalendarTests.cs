using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using Kommune20.Contracts.Federation;
using Kommune20.EndToEnd.Tests.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Calendar;

/// <summary>
/// The network calendar at the gateway, as a calendar client subscribes to it: a city's event published on its node
/// federates into <c>/feeds/events.ics</c> and leaves it when withdrawn; an invited assembly is there, in its invitees'
/// feeds and in its own invitation file, and a draft is nowhere.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class NetworkCalendarTests(FederationFixture fixture)
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task An_event_published_on_Heidelbergs_node_is_in_the_network_calendar_until_withdrawn()
    {
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var id = "forum-digitale-stadt-" + Guid.NewGuid().ToString("N")[..6];
        var uid = $"termin-{Practices.Heidelberg}-{id}@kommune20";
        var startsAt = new DateTimeOffset(2027, 5, 6, 17, 0, 0, TimeSpan.FromHours(2));
        var forum = new CityEventRecord("Forum Digitale Stadt", "Stadtverwaltung, Stadtwerke, Vereine und Wirtschaft stellen Projekte vor; Austausch, Fragen.",
            startsAt, startsAt.AddHours(3), "Heidelberg", null, "https://www.heidelberg.de", false, Visibility.Public);

        using (var created = await editor.Http.PostAsJsonAsync("/api/node/events", new { id, record = forum }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        CalendarEvent? listed = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var feed = await visitor.GetAsync("/feeds/events.ics");
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
            listed = Assert.Single(Events(await feed.Content.ReadAsStringAsync(), uid));
        }, TimeSpan.FromSeconds(60));
        Assert.Equal("Forum Digitale Stadt", listed!.Summary);
        Assert.Equal(new DateTime(2027, 5, 6, 15, 0, 0, DateTimeKind.Utc), listed.DtStart!.AsUtc);
        Assert.StartsWith(forum.Description!, listed.Description);
        Assert.Contains("Veranstalter: Heidelberg", listed.Description);
        Assert.Single(Events(await visitor.GetStringAsync($"/feeds/members/{Practices.Heidelberg}/events.ics"), uid));

        using (var withdrawn = await editor.Http.DeleteAsync($"/api/node/events/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await Eventually.HoldsAsync(async () => Assert.Empty(Events(await visitor.GetStringAsync("/feeds/events.ics"), uid)), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task An_invited_assembly_is_in_the_calendar_its_invitees_feeds_and_its_invitation_and_a_draft_is_not()
    {
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        using var http = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password));
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var title = "Mitgliederversammlung, Teil " + Guid.NewGuid().ToString("N")[..6];
        var invited = await CreateAsync(http, title);
        var draft = await CreateAsync(http, title + " (Entwurf)");
        using (var item = await http.PostAsJsonAsync($"/api/meetings/assemblies/{invited}/agenda", new { title = "Bericht des Vorstands" }))
            Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        using (var invitation = await http.PostAsync($"/api/meetings/assemblies/{invited}/invitation", null))
            Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);

        var uid = $"versammlung-{invited}@kommune20";
        using var file = await visitor.GetAsync($"/api/meetings/assemblies/{invited}/invitation.ics");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var assembly = Assert.Single(Events(await file.Content.ReadAsStringAsync(), uid));
        Assert.Equal(title, assembly.Summary);
        Assert.Equal("Heilbronn", assembly.Location);
        Assert.Equal(0, assembly.Sequence);
        Assert.Contains("1. Bericht des Vorstands", assembly.Description);
        Assert.EndsWith($"/versammlungen/{invited}", assembly.Url!.AbsoluteUri);

        var network = await visitor.GetStringAsync("/feeds/events.ics");
        Assert.Single(Events(network, uid));
        Assert.DoesNotContain("(Entwurf)", network);
        Assert.Single(Events(await visitor.GetStringAsync($"/feeds/members/{Practices.Heidelberg}/events.ics"), uid));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/meetings/assemblies/{draft}/invitation.ics")).StatusCode);

        using var upcoming = JsonDocument.Parse(await visitor.GetStringAsync("/api/meetings/events?pageSize=200"));
        Assert.Contains(upcoming.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("uid").GetString() == uid);
    }

    static async Task<Guid> CreateAsync(HttpClient office, string title)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(40);
        using var created = await office.PostAsJsonAsync("/api/meetings/assemblies", new
        {
            title,
            startsAt,
            endsAt = startsAt.AddHours(6),
            place = "Heilbronn",
            chair = "Max Schulze-Vorberg",
            minuteTaker = "Geschäftsstelle",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    static List<CalendarEvent> Events(string ics, string uid) => Ical.Net.Calendar.Load(ics)!.Events.Where(e => e.Uid == uid).ToList();
}
