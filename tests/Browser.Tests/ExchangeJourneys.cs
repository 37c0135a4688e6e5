using System.Text.RegularExpressions;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// The demo's Freiburg exchange session in the browser: a panelist writes a statement (refused first, at the field) that
/// the compiled document then carries; a moderator opens a guiding question on the desk and a participant's live page,
/// in a browser of its own on a phone, shows it without being reloaded, with the participant's question and the
/// moderators' takeaway.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ExchangeJourneys(Portal portal) : Journeys(portal)
{
    const string DemoSession = "Auf dem Weg zu digitalen Ökosystemen: Kommunen als Treiber für den digitalen Wandel";
    const string Wirtschaft = "Wie kann sich die regionale Wirtschaft einbringen?";

    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>A control's name with what it acts on, which only screen readers hear ("Leitfrage öffnen: …").</summary>
    static Regex Named(string action, string what) => new($"^{Regex.Escape(action)}\\s*[:,]\\s*{Regex.Escape(what)}$");

    /// <summary>From the list of sessions to the demo session's page (the Meetings demo adds it once the demo assembly is there).</summary>
    static async Task OpenDemoSessionAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Erfahrungsaustausch" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Erfahrungsaustausch");
        var session = page.GetByRole(AriaRole.Link, new() { Name = DemoSession });
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            Assert.Equal(1, await session.CountAsync());
        }, TimeSpan.FromSeconds(60));
        await session.ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(DemoSession);
    }

    [Fact]
    public async Task A_panelist_writes_a_preface_which_their_page_and_the_compiled_statements_then_show()
    {
        var visitor = await Portal.NewPageAsync();
        await OpenDemoSessionAsync(visitor);
        await Expect(visitor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Svenja Baumgärtner" })).ToContainTextAsync("Stadt Heidelberg");
        await Expect(visitor.GetByText("Die Statements erscheinen hier, sobald die Moderation die Ergebnisse veröffentlicht.")).ToBeVisibleAsync();
        await visitor.GotoAsync("/austausch");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await Screenshots.SaveAsync(visitor, "austausch");

        var heidelberg = await Portal.SignedInAsync("heidelberg");
        await OpenDemoSessionAsync(heidelberg);
        await Expect(heidelberg.GetByText("Zwischenstand für Moderation und Podium")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(heidelberg);
        await Screenshots.SaveAsync(heidelberg, "austausch-sitzung");

        await heidelberg.GetByRole(AriaRole.Link, new() { Name = "Ihre Statements (Podium)" }).ClickAsync();
        await Expect(Heading(heidelberg)).ToHaveTextAsync("Ihre Statements");
        var preface = heidelberg.GetByRole(AriaRole.Region, new() { Name = "Vorbemerkung" });
        var text = preface.GetByLabel("Ihr Statement");

        // A heading is the compiled document's to set: the service's 400 stands at this form and its text.
        await text.FillAsync("## Unser Weg\n\nHeidelberg denkt Digitalisierung von den Menschen her.");
        await preface.GetByRole(AriaRole.Button, new() { NameRegex = Named("Statement speichern", "Vorbemerkung") }).ClickAsync();
        await Expect(preface.GetByRole(AriaRole.Alert)).ToContainTextAsync("Statement: Überschriften setzt das zusammengestellte Dokument selbst");
        await Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(text).ToHaveValueAsync(new Regex("^## Unser Weg"));
        await Accessibility.AssertNoSeriousViolationsAsync(heidelberg);
        await Screenshots.SaveAsync(heidelberg, "austausch-podium-fehler");

        const string Written = "Heidelberg denkt Digitalisierung von den Menschen her: Mehr unter https://www.heidelberg.de/digital";
        await text.FillAsync(Written);
        await preface.GetByRole(AriaRole.Button, new() { NameRegex = Named("Statement speichern", "Vorbemerkung") }).ClickAsync();
        await Expect(heidelberg.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Statement ist gespeichert.");
        await Expect(preface).ToContainTextAsync("Geschrieben am");
        await Expect(preface.GetByLabel("Ihr Statement ändern")).ToHaveValueAsync(Written);
        await Expect(preface.GetByRole(AriaRole.Button, new() { NameRegex = Named("Statement entfernen", "Vorbemerkung") })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(heidelberg);
        await Screenshots.SaveAsync(heidelberg, "austausch-podium");

        // The compiled document, which only moderators and panel read before the publication, reaches the panelist through the Portal.
        await heidelberg.GetByRole(AriaRole.Link, new() { NameRegex = Named("Webseite (HTML)", "Nach Personen") }).ClickAsync();
        var baumgaertner = heidelberg.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Svenja Baumgärtner" });
        await Expect(baumgaertner).ToBeVisibleAsync();
        await Expect(heidelberg.Locator("body")).ToContainTextAsync("Zwischenstand");
        await Expect(heidelberg.Locator("body")).ToContainTextAsync("Heidelberg denkt Digitalisierung von den Menschen her");
        await Expect(heidelberg.GetByRole(AriaRole.Link, new() { Name = "https://www.heidelberg.de/digital", Exact = true })).ToBeVisibleAsync();

        // A visitor is refused it until then, with the portal's German page.
        var refused = await visitor.GotoAsync(heidelberg.Url);
        Assert.Equal(403, refused!.Status);
    }

    [Fact]
    public async Task A_guiding_question_the_moderator_opens_appears_on_a_participants_live_page_without_a_reload()
    {
        var participant = await Portal.SignedInAsync("heilbronn", size: Widths.Phone);
        var refusals = new List<string>();
        var console = new List<string>();
        participant.Console += (_, message) =>
        {
            lock (refusals)
            {
                console.Add($"{message.Type}: {message.Text}");
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                    refusals.Add(message.Text);
            }
        };
        await OpenDemoSessionAsync(participant);
        await participant.GetByRole(AriaRole.Link, new() { Name = "Zum Live-Raum: aktuelle Leitfrage, Fragen aus dem Publikum" }).ClickAsync();
        await Expect(Heading(participant)).ToHaveTextAsync("Live-Raum");
        // Blazor's script opens the page's circuit, in which the portal joins the room; on a loaded machine that takes a while.
        try
        {
            await Expect(participant.Locator("#live-verbindung")).ToContainTextAsync("Verbunden", new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            lock (refusals)
                Assert.Fail($"The live page did not connect; its console:{Environment.NewLine}{string.Join(Environment.NewLine, console)}");
        }
        // Whatever happens from here on must reach this very page: a reload or a navigation would lose the marker.
        await participant.EvaluateAsync("() => { window.k20Marker = 'dieselbe Seite'; }");
        var session = new Uri(participant.Url).AbsolutePath.Split('/')[2];

        var moderator = await Portal.SignedInAsync("moderation-iese", $"/austausch/{session}/moderation");
        await Expect(Heading(moderator)).ToHaveTextAsync("Moderation");
        await Expect(moderator.GetByRole(AriaRole.Row).Filter(new() { HasText = "Marco Brunzel" })).ToContainTextAsync("6 von 6");
        await moderator.GetByRole(AriaRole.Button, new() { NameRegex = Named("Leitfrage öffnen", Wirtschaft) }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Live-Raum zeigt sie jetzt.");

        await Expect(participant.Locator("#leitfrage")).ToHaveTextAsync(Wirtschaft, new() { Timeout = 15_000 });
        Assert.Equal("dieselbe Seite", await participant.EvaluateAsync<string>("() => window.k20Marker"));

        // The participant asks and upvotes through the portal's circuit; the room sends the ranked list back to the page.
        const string Asked = "Wie gewinnen Sie die Industrie- und Handelskammer für das Ökosystem?";
        await participant.GetByLabel("Frage an das Podium zur aktuellen Leitfrage").FillAsync(Asked);
        await participant.GetByRole(AriaRole.Button, new() { Name = "Frage stellen" }).ClickAsync();
        var mine = participant.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Asked });
        await Expect(mine).ToContainTextAsync("0 Stimmen · Juri Jacobi");
        await mine.GetByRole(AriaRole.Button, new() { NameRegex = Named("Unterstützen", Asked) }).ClickAsync();
        await Expect(mine).ToContainTextAsync("1 Stimme ·");
        await mine.GetByRole(AriaRole.Button, new() { NameRegex = Named("Unterstützen", Asked) }).ClickAsync();
        await Expect(mine).ToContainTextAsync("Sie unterstützen diese Frage bereits.");

        // The moderators mark it answered and record a takeaway; the page shows both, still without a reload. (The desk is
        // opened anew: reloading it would post the opening's form again, whose button is gone.)
        await moderator.GotoAsync($"/austausch/{session}/moderation");
        await moderator.GetByRole(AriaRole.Button, new() { NameRegex = Named("Als beantwortet markieren", Asked) }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Als beantwortet markiert");
        await moderator.GetByLabel("Erkenntnis", new() { Exact = true }).FillAsync("Die Kammern kommen als Partner ins Ökosystem, früh und mit eigener Rolle.");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Erkenntnis festhalten" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Erkenntnis ist festgehalten.");
        await Accessibility.AssertNoSeriousViolationsAsync(moderator);
        await Screenshots.SaveAsync(moderator, "austausch-moderation");

        await Expect(mine).ToContainTextAsync("beantwortet");
        await Expect(participant.GetByRole(AriaRole.Region, new() { Name = "Erkenntnisse der Moderation" }))
            .ToContainTextAsync($"Die Kammern kommen als Partner ins Ökosystem, früh und mit eigener Rolle. ({Wirtschaft})");
        Assert.Equal("dieselbe Seite", await participant.EvaluateAsync<string>("() => window.k20Marker"));
        await Accessibility.AssertNoSeriousViolationsAsync(participant);
        await Screenshots.SaveAsync(participant, "austausch-live");
        lock (refusals)
            Assert.True(refusals.Count == 0, string.Join(Environment.NewLine, refusals));
    }
}
