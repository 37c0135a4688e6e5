using System.Text.RegularExpressions;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// Subscriptions in the browser: Fraunhofer IESE follows Heilbronn's Reallabor with a webhook to its own endpoint, Heilbronn
/// posts an update, and IESE reads the delivery in its log and delivers it again; KGSt, on a phone, is refused a webhook that
/// is no web address, follows a library search by e-mail instead and ends that subscription.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SubscriptionJourneys(Portal portal) : Journeys(portal)
{
    const string Reallabor = "/projekte/reallabore-heilbronn";

    [Fact]
    public async Task IESE_follows_Heilbronns_Reallabor_by_webhook_and_sees_the_delivery_of_its_update()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = receiver.Endpoint("iese").AbsoluteUri;
        var iese = await Portal.SignedInAsync("moderation-iese", Reallabor);
        await iese.GetByRole(AriaRole.Link, new() { Name = "Folgen – Reallabore Digitale Stadt Heilbronn" }).ClickAsync();
        await Expect(iese).ToHaveURLAsync(new Regex(@"/abonnements/neu\?follows=project&projectKey=reallabore-heilbronn$"));
        await Expect(iese.GetByText("Ihre Organisation folgt: Projekt „Reallabore Digitale Stadt Heilbronn“")).ToBeVisibleAsync();

        await iese.GetByLabel("Adresse des Webhooks").FillAsync(endpoint);
        await iese.GetByRole(AriaRole.Button, new() { Name = "Per Webhook folgen" }).ClickAsync();
        await Expect(iese.GetByLabel("Geheimnis (Standard Webhooks)")).ToHaveValueAsync(new Regex("^whsec_"));
        await Accessibility.AssertNoSeriousViolationsAsync(iese);

        // Heilbronn leads the Reallabor and takes part in it: its editor posts an update from the project's page.
        var title = "Reallabor-App im Stadtgebiet " + Guid.NewGuid().ToString("N")[..6];
        var heilbronn = await Portal.SignedInAsync("heilbronn", Reallabor);
        await heilbronn.GetByLabel("Überschrift").FillAsync(title);
        await heilbronn.GetByLabel("Text", new() { Exact = true }).FillAsync("Die App zeigt freie Parkplätze und die Termine des Bürgeramts.");
        await heilbronn.GetByRole(AriaRole.Button, new() { Name = "Veröffentlichen" }).ClickAsync();
        await Expect(heilbronn.GetByRole(AriaRole.Status)).ToContainTextAsync(title);

        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(receiver.To("iese"), posted => posted.Body.Contains(title, StringComparison.Ordinal));
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(90));

        await iese.GetByRole(AriaRole.Link, new() { Name = "Zu Ihren Abonnements" }).ClickAsync();
        var group = iese.GetByRole(AriaRole.Region, new() { Name = "Projekt „Reallabore Digitale Stadt Heilbronn“" });
        await Expect(group.GetByText(endpoint)).ToBeVisibleAsync();
        await Expect(group.GetByText(new Regex("^bestätigt am"))).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(iese);
        await Screenshots.SaveAsync(iese, "abonnements");

        await group.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Zustellungen") }).ClickAsync();
        await Expect(iese.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zustellungen");
        var delivery = iese.GetByRole(AriaRole.Listitem).Filter(new() { Has = iese.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Eventually.HoldsAsync(async () =>
        {
            await iese.GetByRole(AriaRole.Link, new() { Name = "Aktualisieren" }).ClickAsync();
            await Expect(delivery.GetByText("zugestellt", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 1_000 });
        }, TimeSpan.FromSeconds(60));
        await Expect(delivery.GetByRole(AriaRole.Row).Filter(new() { HasText = "ms" }).First).ToContainTextAsync("204");
        await Accessibility.AssertNoSeriousViolationsAsync(iese);
        await Screenshots.SaveAsync(iese, "abonnement-zustellungen");

        // Delivered again on request: the receiver gets the same event a second time.
        await delivery.GetByRole(AriaRole.Button, new() { Name = "Erneut zustellen" }).ClickAsync();
        await Expect(iese.GetByRole(AriaRole.Status)).ToContainTextAsync($"{title}“ wird erneut zugestellt.");
        await Eventually.HoldsAsync(() =>
        {
            Assert.Equal(2, receiver.To("iese").Count(posted => posted.Body.Contains(title, StringComparison.Ordinal)));
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task KGSt_follows_a_library_search_by_email_on_a_phone_after_a_refused_webhook_and_ends_it()
    {
        var page = await Portal.NewPageAsync(Widths.Phone);
        await page.GotoAsync("/praxisbeispiele?sdg=16.6");
        await page.GetByRole(AriaRole.Link, new() { Name = "Folgen – Neue Praxisbeispiele: SDG 16.6" }).ClickAsync();
        await Portal.FillLoginAsync(page, "moderation-kgst");
        await Expect(page).ToHaveURLAsync(new Regex(@"/abonnements/neu\?follows=practices&sdgTarget=16.6$"));
        await Expect(page.GetByText("Ihre Organisation folgt: Neue Praxisbeispiele: SDG 16.6")).ToBeVisibleAsync();

        // A webhook must be reached over http or https: the service refuses the address, its message stands at the field.
        var url = page.GetByLabel("Adresse des Webhooks");
        await url.FillAsync("ftp://kgst.example/kommune20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Per Webhook folgen" }).ClickAsync();
        await Expect(url).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(url).ToHaveValueAsync("ftp://kgst.example/kommune20");
        await Expect(page.Locator("#webhook-url-fehler")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Adresse des Webhooks");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // By e-mail instead, daily.
        await page.GetByLabel("E-Mail-Adresse").FillAsync("digitales@kgst.example");
        await page.GetByLabel("täglich").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Per E-Mail folgen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihre Organisation folgt jetzt: Neue Praxisbeispiele: SDG 16.6 (E-Mail).");
        await Expect(page.GetByText("Wir haben eine E-Mail an digitales@kgst.example geschickt")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Abonnements" }).ClickAsync();
        var group = page.GetByRole(AriaRole.Region, new() { Name = "Neue Praxisbeispiele: SDG 16.6" });
        await Expect(group.GetByText("wartet auf Bestätigung")).ToBeVisibleAsync();
        await Expect(group.GetByRole(AriaRole.Heading, new() { Name = "E-Mail, täglich" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Ending asks first (a link, no script), then ends.
        await group.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Beenden") }).ClickAsync();
        await Expect(group.GetByText("Dieses Abonnement beenden?")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await group.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ja, beenden") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ist beendet");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Neue Praxisbeispiele: SDG 16.6" })).ToHaveCountAsync(0);

        // Another organisation's subscription, or one that never was, is not found.
        await page.GotoAsync($"/abonnements/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seite nicht gefunden");
    }
}
