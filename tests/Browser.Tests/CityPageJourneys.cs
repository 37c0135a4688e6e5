using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// Each city's page at the hub: a visitor opens Heidelberg's from the member list and reads the portrait its node published,
/// its practices and its events; Heilbronn's page names the Reallabor it leads.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CityPageJourneys(Portal portal) : Journeys(portal)
{
    [Fact]
    public async Task A_visitor_opens_Heidelbergs_city_page_and_reads_its_portrait_practices_projects_and_events()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/mitglieder?art=city");
        await page.GetByRole(AriaRole.Link, new() { Name = "Heidelberg", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Heidelberg");

        // The profile travels from the node through Federation to the library beside the practices the fixture waited for.
        var portrait = page.GetByRole(AriaRole.Region, new() { Name = "Porträt" });
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            await Expect(portrait.GetByRole(AriaRole.Heading, new() { Name = "Meilensteine" })).ToBeVisibleAsync(new() { Timeout = 1_000 });
        }, TimeSpan.FromSeconds(90));
        await Expect(portrait.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gründung der Digital-Agentur Heidelberg" })).ToContainTextAsync("Juni 2017");
        await Expect(portrait.GetByText("Referat des Oberbürgermeisters")).ToBeVisibleAsync();
        await Expect(portrait.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Metropolregion Rhein-Neckar" })).ToHaveCountAsync(1);
        await Expect(portrait.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Digitale Zukunftskommune@bw" })).ToBeVisibleAsync();
        await Expect(portrait.GetByRole(AriaRole.Heading, new() { Name = "Beteiligte" })).ToBeVisibleAsync();

        await Expect(page.Locator("h2:text-is('Praxisbeispiele') + ul").GetByRole(AriaRole.Link, new() { Name = "Digitallotsinnen und Digitallotsen" }))
            .ToBeVisibleAsync();
        await Expect(page.GetByText("Heidelberg leitet kein Pilotprojekt und wirkt an keinem mit.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Digitalität@Heidelberg: Chancen und Risiken digitaler Entwicklungen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Termine von Heidelberg abonnieren (iCal)" }))
            .ToHaveAttributeAsync("href", $"/feeds/members/{DemoMembers.Heidelberg}/events.ics");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "mitglied-heidelberg");
    }

    [Fact]
    public async Task A_visitor_on_a_phone_finds_the_Reallabor_Heilbronn_leads_on_its_page()
    {
        var page = await Portal.NewPageAsync(Widths.Phone);
        await page.GotoAsync("/mitglieder?art=city");
        await page.GetByRole(AriaRole.Link, new() { Name = "Heilbronn", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Heilbronn");

        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Reallabore Digitale Stadt Heilbronn" })).ToContainTextAsync("leitet das Projekt");
        // Heilbronn's node does not run here: no portrait, said in words.
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Porträt" })).ToContainTextAsync("Heilbronn hat noch kein Porträt veröffentlicht.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reallabore Digitale Stadt Heilbronn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reallabore Digitale Stadt Heilbronn");
    }
}
