using System.Text.RegularExpressions;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>A city posts news of its pilot project from its own node; the hub shows it on the project's page, and takes it back when the city withdraws it.</summary>
[Collection(PortalCollection.Name)]
public sealed class NodeUpdateJourneys(Portal portal) : Journeys(portal)
{
    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task A_Pforzheim_editor_posts_news_of_the_AR_project_on_the_node_and_withdraws_it()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync(new Uri(Portal.PforzheimNode, "/projekt-neuigkeiten").AbsoluteUri);
        await Portal.FillLoginAsync(page, "pforzheim");
        await Expect(Heading(page)).ToHaveTextAsync("Neuigkeiten aus den Projekten von Pforzheim");

        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Neuigkeit" }).ClickAsync();
        await page.GetByLabel("Kennung").FillAsync("zeitzeugen-app");
        await page.GetByLabel("Projekt").FillAsync("ar-pforzheim-1945");
        await page.GetByLabel("Titel").FillAsync("");
        await page.GetByLabel("Text").FillAsync("Die App zeigt die zerstörte Innenstadt an zwölf Stationen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        // Without a title the node names the field and keeps what was typed.
        await Expect(page.GetByLabel("Titel")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Text")).ToHaveValueAsync("Die App zeigt die zerstörte Innenstadt an zwölf Stationen.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "knoten-neuigkeit");

        await page.GetByLabel("Titel").FillAsync("Zeitzeugen-App in der Erprobung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zeitzeugen-App" })).ToContainTextAsync("veröffentlicht");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "knoten-neuigkeiten");

        var project = await Portal.NewPageAsync();
        await Eventually.HoldsAsync(async () =>
        {
            await project.GotoAsync(new Uri(Portal.Address, "/projekte/ar-pforzheim-1945").AbsoluteUri);
            await Expect(project.GetByText("Zeitzeugen-App in der Erprobung")).ToBeVisibleAsync(new() { Timeout = 1000 });
        }, TimeSpan.FromSeconds(60));

        await page.GetByRole(AriaRole.Link, new() { Name = "Zeitzeugen-App in der Erprobung" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zurückziehen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("zurueckgezogen=1"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zeitzeugen-App" })).ToContainTextAsync("zurückgezogen");
        await Eventually.HoldsAsync(async () =>
        {
            await project.ReloadAsync();
            await Expect(project.GetByText("Zeitzeugen-App in der Erprobung")).ToHaveCountAsync(0, new() { Timeout = 1000 });
        }, TimeSpan.FromSeconds(60));
    }
}
