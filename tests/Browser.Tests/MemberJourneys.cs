using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>The register in the browser: visitors find members and the network of networks; the office keeps the register.</summary>
[Collection(PortalCollection.Name)]
public sealed class MemberJourneys(Portal portal) : Journeys(portal)
{
    [Fact]
    public async Task A_visitor_finds_Heidelberg_in_the_directory_and_sees_its_networks()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kommune 2.0 – das Netzwerk der Netzwerke");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "startseite");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Mitglieder" }).ClickAsync();
        await page.GetByLabel("Art").SelectOptionAsync(new SelectOptionValue { Label = "Stadt" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/mitglieder\?.*art=city"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mitglieder gefunden.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pforzheim" })).ToContainTextAsync("08231000");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bitkom" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "mitglieder");

        await page.GetByRole(AriaRole.Link, new() { Name = "Heidelberg", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Heidelberg");
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("08221000");
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("Baden-Württemberg");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Metropolregion Rhein-Neckar" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "mitglied");
    }

    [Fact]
    public async Task A_visitor_sees_the_network_of_networks_as_a_picture()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/netzwerk");

        var picture = page.Locator("figure.netzbild svg");
        await Expect(picture.GetByRole(AriaRole.Link, new() { Name = "Metropolregion Rhein-Neckar" })).ToBeVisibleAsync();
        Assert.True(await picture.Locator("path.kante").CountAsync() >= 10);
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Metropolregion Rhein-Neckar:" })).ToContainTextAsync("Heidelberg");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "netzwerk");
    }

    [Fact]
    public async Task The_office_adds_a_member_and_sees_it_in_the_directory()
    {
        var page = await Portal.SignedInAsync("geschaeftsstelle", "/geschaeftsstelle");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mitgliederregister");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "geschaeftsstelle");

        await page.GetByRole(AriaRole.Link, new() { Name = "Neues Mitglied aufnehmen" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Mannheim");
        await page.GetByLabel("Amtlicher Gemeindeschlüssel (AGS)").FillAsync("0822200");
        await page.GetByLabel("Website").FillAsync("https://www.mannheim.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        // The Registry refuses the seven-digit AGS; the form keeps what was typed and names the field.
        var ags = page.GetByLabel("Amtlicher Gemeindeschlüssel (AGS)");
        await Expect(ags).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(ags).ToHaveValueAsync("0822200");
        await Expect(page.GetByLabel("Name")).ToHaveValueAsync("Mannheim");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("AGS");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "geschaeftsstelle-mitglied-fehler");

        await ags.FillAsync("08222000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mannheim");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Angaben wurden gespeichert.");

        await page.GotoAsync("/mitglieder?q=Mannheim");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mannheim" })).ToContainTextAsync("08222000");
    }

    [Fact]
    public async Task The_office_suspends_a_member_and_gives_a_person_a_role()
    {
        var page = await Portal.SignedInAsync("geschaeftsstelle", $"/geschaeftsstelle/mitglieder/{DemoMembers.Heidelberg}");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "ruhend" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("ruhend");

        await page.GotoAsync($"/geschaeftsstelle/mitglieder/{DemoMembers.Heidelberg}");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "aktiv" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.Locator("dl.angaben")).ToContainTextAsync("aktiv");

        await page.GotoAsync($"/geschaeftsstelle/mitglieder/{DemoMembers.Heidelberg}/personen");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Svenja Baumgärtner" }).GetByRole(AriaRole.Link, new() { Name = "Ändern" }).ClickAsync();
        await page.GetByLabel("Moderation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Svenja Baumgärtner" })).ToContainTextAsync("Moderation");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "geschaeftsstelle-personen");
    }
}
