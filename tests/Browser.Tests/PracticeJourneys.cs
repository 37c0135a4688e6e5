using System.Text.RegularExpressions;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>The library in the browser: finding a practice, publishing one from a city's node, declaring and confirming an adoption.</summary>
[Collection(PortalCollection.Name)]
public sealed class PracticeJourneys(Portal portal) : Journeys(portal)
{
    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    static async Task<float?> WidthAsync(ILocator field) => (await field.BoundingBoxAsync())?.Width;

    [Fact]
    public async Task A_visitor_searches_Digitallotsinnen_filters_by_SDG_16_6_and_sees_Pforzheims_verified_adoption()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/praxisbeispiele");
        await page.GetByLabel("Suchbegriff").FillAsync("Digitallotsinnen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(page.Locator(".treffer mark").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "Nachhaltigkeitsziel (SDG-Unterziel)" }).GetByLabel("16.6").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter anwenden" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"q=Digitallotsinnen.*sdg=16\.6"));
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Nachhaltigkeitsziel (SDG-Unterziel)" }).GetByLabel("16.6")).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "praxisbeispiele-suche");

        // The hit with the verified adoption (tests of other services on the same broker may add practices of that name).
        await page.Locator(".treffer > li").Filter(new() { HasText = "1 bestätigte Übernahme" })
            .GetByRole(AriaRole.Link, new() { Name = "Digitallotsinnen und Digitallotsen" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Digitallotsinnen und Digitallotsen");
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("Heidelberg");
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("Unterziel 16.6");
        var adoption = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Pforzheim – übernommen" }) });
        await Expect(adoption).ToContainTextAsync("bestätigt von Heidelberg");
        await Expect(adoption).ToContainTextAsync("7 Mitarbeitende zu Digitallotsen ausgebildet");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "praxisbeispiel");
    }

    [Fact]
    public async Task A_Heidelberg_editor_publishes_on_the_Heidelberg_node_and_finds_it_in_the_portals_search()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync(Portal.HeidelbergNode.AbsoluteUri);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Portal.FillLoginAsync(page, "heidelberg");
        await Expect(Heading(page)).ToHaveTextAsync("Praxisbeispiele von Heidelberg");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "digitallotsen" })).ToContainTextAsync("veröffentlicht");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "knoten");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Neues Praxisbeispiel" }).ClickAsync();
        await page.GetByLabel("Kennung").FillAsync("digitale-buergersprechstunde");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Digitale Bürgersprechstunde");
        await page.GetByLabel("Ziel", new() { Exact = true }).FillAsync("Bürgerinnen und Bürger erreichen die Verwaltung ohne Wege und Wartezeit.");
        await page.GetByLabel("Beschreibung").FillAsync("Sprechstunden der Ämter finden auch per Video statt; Termine werden online gebucht.");
        await page.GetByLabel("Beginn (Jahr)").FillAsync("2021");
        await page.GetByLabel("Themen").FillAsync("Verwaltung, Beteiligung");
        await page.GetByLabel("SDG-Unterziele").FillAsync("16.66");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        // The node refuses an SDG target that does not exist and names the field; what was typed stays.
        await Expect(page.GetByLabel("SDG-Unterziele")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Digitale Bürgersprechstunde");
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Die Angaben sind ungültig.");
        await Expect(summary).ToContainTextAsync("SDG-Unterziele (1. Eintrag): \"16.66\" ist kein Unterziel");
        Assert.Equal(await WidthAsync(page.GetByLabel("Ziel", new() { Exact = true })), await WidthAsync(page.GetByLabel("SDG-Unterziele")));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "knoten-praxisbeispiel");

        await page.GetByLabel("SDG-Unterziele").FillAsync("16.6, 16.7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "digitale-buergersprechstunde" })).ToContainTextAsync("veröffentlicht");

        await Eventually.HoldsAsync(async () =>
        {
            await page.GotoAsync(new Uri(Portal.Address, "/praxisbeispiele?q=B%C3%BCrgersprechstunde").AbsoluteUri);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Digitale Bürgersprechstunde" })).ToBeVisibleAsync(new() { Timeout = 1000 });
        }, TimeSpan.FromSeconds(60));
        await page.GetByRole(AriaRole.Link, new() { Name = "Digitale Bürgersprechstunde" }).ClickAsync();
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("Heidelberg");
    }

    [Fact]
    public async Task The_node_shows_its_federation_state_and_re_syncs_with_progress()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync(new Uri(Portal.HeidelbergNode, "/abgleich").AbsoluteUri);
        await Portal.FillLoginAsync(page, "heidelberg");
        await Expect(Heading(page)).ToHaveTextAsync("Abgleich mit dem Verein");

        await page.GetByRole(AriaRole.Button, new() { Name = "Neu abgleichen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Abgleich fertig" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("Vom Verein bestätigt");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "knoten-abgleich");
    }

    [Fact]
    public async Task A_Pforzheim_editor_declares_an_adoption_and_the_Heidelberg_editor_confirms_it()
    {
        var pforzheim = await Portal.SignedInAsync("pforzheim", "/praxisbeispiele?q=MAsH");
        await pforzheim.GetByRole(AriaRole.Link, new() { Name = "MAsH – die Multiplattform für Heidelberg" }).ClickAsync();
        await pforzheim.GetByLabel("Stand").SelectOptionAsync(new SelectOptionValue { Label = "wird angepasst" });
        await pforzheim.GetByLabel("Was Sie anders machen").FillAsync("Die Plattform wird für die Pforzheimer Stadtteile angepasst.");
        await pforzheim.GetByLabel("Wert").FillAsync("3");
        await pforzheim.GetByLabel("Was gezählt wurde").FillAsync("Stadtteile angebunden");
        await Accessibility.AssertNoSeriousViolationsAsync(pforzheim);
        await Screenshots.SaveAsync(pforzheim, "uebernahme-erklaeren");
        await pforzheim.GetByRole(AriaRole.Button, new() { Name = "Übernahme erklären" }).ClickAsync();
        await Expect(pforzheim.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihre Übernahme ist erklärt");
        var declared = pforzheim.GetByRole(AriaRole.Listitem).Filter(new() { Has = pforzheim.GetByRole(AriaRole.Heading, new() { Name = "Pforzheim – wird angepasst" }) });
        await Expect(declared).ToContainTextAsync("noch nicht bestätigt");

        var heidelberg = await Portal.SignedInAsync("heidelberg", "/redaktion");
        await Expect(Heading(heidelberg)).ToHaveTextAsync("Redaktion Heidelberg");
        await Expect(heidelberg.GetByRole(AriaRole.Link, new() { Name = "Zum Knoten von Heidelberg" })).ToHaveAttributeAsync("href", Portal.HeidelbergNode.AbsoluteUri);
        await Expect(heidelberg.GetByRole(AriaRole.Row).Filter(new() { HasText = "Digitallotsinnen und Digitallotsen" })).ToContainTextAsync("digitallotsen");
        await Accessibility.AssertNoSeriousViolationsAsync(heidelberg);
        await Screenshots.SaveAsync(heidelberg, "redaktion");
        await heidelberg.GetByRole(AriaRole.Button, new() { Name = "Übernahme durch Pforzheim bestätigen" }).ClickAsync();
        await Expect(heidelberg.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Übernahme ist bestätigt.");

        await pforzheim.GotoAsync(pforzheim.Url);
        await Expect(declared).ToContainTextAsync("bestätigt von Heidelberg");
    }

    [Fact]
    public async Task A_Pforzheim_editor_may_not_edit_on_Heidelbergs_node()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync(Portal.HeidelbergNode.AbsoluteUri);
        await Portal.FillLoginAsync(page, "pforzheim");

        await Expect(Heading(page)).ToHaveTextAsync("Nicht erlaubt");
        var response = await page.ReloadAsync();
        Assert.Equal(403, response!.Status);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
