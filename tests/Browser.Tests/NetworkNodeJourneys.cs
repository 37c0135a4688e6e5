using System.Text.RegularExpressions;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// The Metropolregion Rhein-Neckar's editor signs in on the network node, sees which members consented, and publishes a
/// practice for Weinheim, which has no node of its own; the library then finds it under Weinheim.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class NetworkNodeJourneys(Portal portal) : Journeys(portal)
{
    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task The_Metropolregions_editor_publishes_a_practice_for_Weinheim_on_the_network_node()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync(Portal.MetropolregionNode.AbsoluteUri);
        await Portal.FillLoginAsync(page, "metropolregion");
        await Expect(Heading(page)).ToHaveTextAsync("Netzknoten der Metropolregion Rhein-Neckar");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Weinheim" })).ToContainTextAsync("ja");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Schwetzingen" })).ToContainTextAsync("nein");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "netzknoten-mitglieder");

        await page.GetByRole(AriaRole.Link, new() { Name = "Neues Praxisbeispiel" }).First.ClickAsync();
        await page.GetByLabel("Für welches Mitglied").SelectOptionAsync(new SelectOptionValue { Label = "Weinheim" });
        await page.GetByLabel("Kennung").FillAsync("geonet-mrn-weinheim");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Geodaten im gemeinsamen Portal GeoNet.MRN");
        await page.GetByLabel("Ziel", new() { Exact = true }).FillAsync("Geodaten der Kommunen der Metropolregion an einer Stelle auffindbar machen.");
        await page.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync("GeoNet.MRN ist das gemeinsame Geodatenportal der Metropolregion Rhein-Neckar.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "netzknoten-praxisbeispiel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/mitglieder/{DemoMembers.Weinheim}\\?gespeichert=1"));
        await Expect(Heading(page)).ToHaveTextAsync("Praxisbeispiele von Weinheim");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Geodaten im gemeinsamen Portal GeoNet.MRN" })).ToContainTextAsync("veröffentlicht");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var library = await Portal.NewPageAsync();
        await Eventually.HoldsAsync(async () =>
        {
            await library.GotoAsync("/praxisbeispiele?q=GeoNet.MRN");
            await Expect(library.GetByText("Geodaten im gemeinsamen Portal GeoNet.MRN")).ToBeVisibleAsync(new() { Timeout = 1000 });
        }, TimeSpan.FromSeconds(60));
        await Expect(library.GetByRole(AriaRole.Main)).ToContainTextAsync("Weinheim");
    }
}
