using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>The network calendar in the browser: a visitor finds the event Heidelberg published from its node and the demo's exchange session.</summary>
[Collection(PortalCollection.Name)]
public sealed class CalendarJourneys(Portal portal) : Journeys(portal)
{
    [Fact]
    public async Task A_visitor_finds_Heidelbergs_Digitalitaet_event_under_Termine_with_the_calendar_to_subscribe()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Termine" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Termine im Netzwerk");

        // Heidelberg's node seeded the event on its first start; it reaches the calendar through Federation and the broker.
        var digitalitaet = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Digitalität@Heidelberg: Chancen und Risiken digitaler Entwicklungen" }) });
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            Assert.Equal(1, await digitalitaet.CountAsync());
        }, TimeSpan.FromSeconds(60));
        await Expect(digitalitaet).ToContainTextAsync("11. März 2027, 18:00–20:00 Uhr");
        await Expect(digitalitaet).ToContainTextAsync("Veranstalter: Heidelberg");
        await Expect(digitalitaet.GetByRole(AriaRole.Link, new() { Name = "Mehr bei Heidelberg" })).ToHaveAttributeAsync("href", "https://www.heidelberg.de");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "März 2027" })).ToBeVisibleAsync();

        // The demo's exchange session under the general assembly's agenda is a date of the network too.
        var session = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Auf dem Weg zu digitalen Ökosystemen: Kommunen als Treiber für den digitalen Wandel" }) });
        await Expect(session).ToContainTextAsync("Erfahrungsaustausch");
        await Expect(session).ToContainTextAsync("Freiburg im Breisgau");

        var subscribe = page.GetByRole(AriaRole.Link, new() { Name = "Kalender abonnieren (iCal)" });
        await Expect(subscribe).ToHaveAttributeAsync("href", "/feeds/events.ics");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "termine");

        // The link is the feed itself, through the gateway: a calendar with the same event.
        using var http = new HttpClient { BaseAddress = Portal.Address };
        Assert.Contains("SUMMARY:Digitalität@Heidelberg: Chancen und Risiken digitaler Entwicklungen", (await http.GetStringAsync("/feeds/events.ics")).Replace("\r\n ", ""));
    }
}
