using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>Someone mistyped their password too often; the office sees the lock-out and lifts it.</summary>
[Collection(PortalCollection.Name)]
public sealed class LockoutJourneys(Portal portal) : Journeys(portal)
{
    [Fact]
    public async Task The_office_lifts_a_lock_out_and_the_person_signs_in_at_once()
    {
        var guesser = await Portal.NewPageAsync();
        await guesser.GotoAsync("/anmelden?returnUrl=%2F");
        for (var i = 0; i < 5; i++)
        {
            await guesser.GetByLabel("Benutzername").FillAsync("moderation-kgst");
            await guesser.GetByLabel("Passwort").FillAsync("falsch-" + i);
            await guesser.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            await guesser.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(guesser.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        var office = await Portal.SignedInAsync("geschaeftsstelle", "/geschaeftsstelle");
        await office.GetByRole(AriaRole.Link, new() { Name = "Gesperrte Anmeldungen" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("/geschaeftsstelle/sperren$"));
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gesperrte Anmeldungen");
        var row = office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Marc Groß" });
        await Expect(row).ToContainTextAsync("KGSt");
        await Expect(row).ToContainTextAsync("Person");
        await Accessibility.AssertNoSeriousViolationsAsync(office);
        await Screenshots.SaveAsync(office, "geschaeftsstelle-sperren");

        // The person's name is in the button for screen readers only; Chromium may set it apart with a space.
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sperre aufheben\\s*: Marc Groß$") }).ClickAsync();

        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Sperre von Marc Groß ist aufgehoben");
        await Expect(office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Marc Groß" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(office);

        // The lifted lock-out is in the office's log, with who lifted it.
        await office.GotoAsync("/geschaeftsstelle/protokoll");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Änderungsprotokoll");
        var entry = office.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sperre einer Person aufgehoben" }).First;
        await Expect(entry).ToContainTextAsync("Max Schulze-Vorberg");
        await Accessibility.AssertNoSeriousViolationsAsync(office);
        await Screenshots.SaveAsync(office, "geschaeftsstelle-protokoll");
        await office.GetByRole(AriaRole.Navigation, new() { Name = "Bereiche des Protokolls" })
            .GetByRole(AriaRole.Link, new() { Name = "Versammlungen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("im Bereich Versammlungen");
        await Accessibility.AssertNoSeriousViolationsAsync(office);

        var person = await Portal.SignedInAsync("moderation-kgst", "/mitglieder");
        await Expect(person.GetByText("Angemeldet: Marc Groß")).ToBeVisibleAsync();
    }
}
