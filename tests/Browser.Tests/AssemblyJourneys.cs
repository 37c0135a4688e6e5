using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// General assemblies in the browser: the office prepares and invites (and is refused when too late), delegates are
/// checked in and vote from their own devices, a member gives its vote by proxy, and the office closes the vote.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AssemblyJourneys(Portal portal) : Journeys(portal)
{
    const string DemoAssembly = "6. Mitgliederversammlung des Kommune 2.0 e. V.";
    const string DemoMotion = "Das Konzept der Digitallotsen im Netzwerk verbreiten";

    static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>A German wall-clock time <paramref name="days"/> from today, as a date and time field takes it.</summary>
    static string InDays(int days, int hour) => DateTime.UtcNow.Date.AddDays(days).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_office_prepares_an_assembly_invites_in_time_and_is_refused_when_too_late()
    {
        var office = await Portal.SignedInAsync("geschaeftsstelle", "/geschaeftsstelle");
        await office.GetByRole(AriaRole.Link, new() { Name = "Mitgliederversammlungen" }).ClickAsync();
        await Expect(Heading(office)).ToHaveTextAsync("Versammlungen vorbereiten und leiten");
        await Expect(office.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoAssembly })).ToContainTextAsync("eingeladen");
        await Accessibility.AssertNoSeriousViolationsAsync(office);
        await Screenshots.SaveAsync(office, "geschaeftsstelle-versammlungen");

        await CreateAsync(office, "7. Mitgliederversammlung des Kommune 2.0 e. V.", days: 42);
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("als Entwurf angelegt");
        await AddAgendaItemAsync(office, "Begrüßung und Feststellung der Beschlussfähigkeit");
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("TOP 1: Begrüßung");

        await office.GetByLabel("Titel", new() { Exact = true }).FillAsync("Haushalt 2028");
        await office.GetByLabel("Titel der Unterlage").FillAsync("Haushaltsentwurf 2028");
        await office.GetByLabel("Adresse der Unterlage").FillAsync("https://kommune20.de/mv7/haushalt-2028.pdf");
        await office.GetByLabel("Titel des Antrags").FillAsync("Den Haushalt 2028 beschließen");
        await office.GetByLabel("Antragstext").FillAsync("Die Mitgliederversammlung beschließt den Haushalt 2028 in der vorgelegten Fassung.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Tagesordnungspunkt hinzufügen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("TOP 2: Haushalt 2028");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "Antrag: Den Haushalt 2028 beschließen", Exact = true })).ToBeVisibleAsync();
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "Haushaltsentwurf 2028" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(office);
        await Screenshots.SaveAsync(office, "geschaeftsstelle-versammlung-tagesordnung");

        await office.GetByRole(AriaRole.Button, new() { Name = "Einladung verschicken" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Einladung ist verschickt");
        await Expect(office.Locator("dl.angaben").First).ToContainTextAsync("verschickt am");

        // Ten days ahead is too late for the statutes' four weeks: the service's refusal is shown as it explains it.
        await office.GotoAsync("/geschaeftsstelle/versammlungen");
        await CreateAsync(office, "Außerordentliche Mitgliederversammlung", days: 10);
        await AddAgendaItemAsync(office, "Nachwahl der Kassenprüfung");
        await office.GetByRole(AriaRole.Button, new() { Name = "Einladung verschicken" }).ClickAsync();
        var refusal = office.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("Die Einladungsfrist ist nicht mehr einzuhalten.");
        await Expect(refusal).ToContainTextAsync(new Regex("Die Satzung verlangt 28 Tage .* zu spät"));
        await Expect(office.Locator("dl.angaben").First).ToContainTextAsync("noch nicht verschickt");
        await Accessibility.AssertNoSeriousViolationsAsync(office);
        await Screenshots.SaveAsync(office, "geschaeftsstelle-einladung-zu-spaet");

        // Visitors see the invited assemblies, not the draft.
        var visitor = await Portal.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Versammlungen" }).ClickAsync();
        await Expect(Heading(visitor)).ToHaveTextAsync("Mitgliederversammlungen");
        var upcoming = visitor.GetByRole(AriaRole.Region, new() { Name = "Kommende Versammlungen" });
        await Expect(upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "7. Mitgliederversammlung" })).ToContainTextAsync("Heidelberg");
        await Expect(upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoAssembly })).ToContainTextAsync("Freiburg im Breisgau");
        await Expect(visitor.GetByText("Außerordentliche Mitgliederversammlung")).ToHaveCountAsync(0);
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Kalender des Netzwerks abonnieren (iCalendar)" })).ToHaveAttributeAsync("href", "/feeds/events.ics");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await Screenshots.SaveAsync(visitor, "versammlungen");
    }

    [Fact]
    public async Task Delegates_checked_in_at_the_door_vote_from_their_own_devices_and_the_office_counts()
    {
        var assembly = await DemoAssemblyIdAsync();

        // Heidelberg's and Pforzheim's delegates name themselves; Pforzheim's is on a phone.
        var heidelberg = await Portal.SignedInAsync("heidelberg", $"/versammlungen/{assembly}");
        await Expect(Heading(heidelberg)).ToHaveTextAsync(DemoAssembly);
        await Expect(heidelberg.GetByRole(AriaRole.Heading, new() { Name = $"Antrag: {DemoMotion}", Exact = true })).ToBeVisibleAsync();
        await heidelberg.GetByRole(AriaRole.Button, new() { Name = "Mich als Delegierte Person benennen" }).ClickAsync();
        await Expect(heidelberg.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sie sind als Delegierte Person benannt.");
        await Accessibility.AssertNoSeriousViolationsAsync(heidelberg);
        await Screenshots.SaveAsync(heidelberg, "versammlung");

        var pforzheim = await Portal.SignedInAsync("pforzheim", $"/versammlungen/{assembly}", Widths.Phone);
        await pforzheim.GetByRole(AriaRole.Button, new() { Name = "Mich als Delegierte Person benennen" }).ClickAsync();
        await Expect(pforzheim.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sie sind als Delegierte Person benannt.");

        // A member files a motion before the deadline.
        await heidelberg.GetByLabel("Titel des Antrags").FillAsync("Eine Arbeitsgruppe Open Data einrichten");
        await heidelberg.GetByLabel("Antragstext").FillAsync("Die Mitgliederversammlung richtet eine Arbeitsgruppe Open Data ein.");
        await heidelberg.GetByRole(AriaRole.Button, new() { Name = "Antrag einreichen" }).ClickAsync();
        await Expect(heidelberg.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Antrag „Eine Arbeitsgruppe Open Data einrichten“ ist eingereicht.");
        await Expect(heidelberg.GetByRole(AriaRole.Heading, new() { Name = "Antrag: Eine Arbeitsgruppe Open Data einrichten" })).ToBeVisibleAsync();

        // #freiburg_gestalten cannot come: it gives its vote to Pforzheim, thinks better of it and gives it to Heidelberg.
        // DIGIHUB cannot give its vote to a member that gave its own away.
        var freiburg = await Portal.SignedInAsync("freiburg-gestalten", $"/versammlungen/{assembly}/vollmacht");
        await GiveProxyAsync(freiburg, "Pforzheim");
        await freiburg.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Vollmacht widerrufen") }).ClickAsync();
        await Expect(freiburg.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Vollmacht an Pforzheim ist widerrufen.");
        await GiveProxyAsync(freiburg, "Heidelberg");

        var digihub = await Portal.SignedInAsync("digihub", $"/versammlungen/{assembly}/vollmacht");
        await digihub.GetByLabel("Bevollmächtigtes Mitglied").SelectOptionAsync(new SelectOptionValue { Label = "#freiburg_gestalten / ArTik e. V." });
        await digihub.GetByRole(AriaRole.Button, new() { Name = "Stimme übertragen" }).ClickAsync();
        await Expect(digihub.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bevollmächtigtes Mitglied: Das bevollmächtigte Mitglied hat seine eigene Stimme übertragen");
        await Expect(digihub.GetByLabel("Bevollmächtigtes Mitglied")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(digihub);
        await Screenshots.SaveAsync(digihub, "vollmacht");

        // At the door: three more delegates named by the office, five checked in; with the proxy the assembly has its quorum.
        var office = await Portal.SignedInAsync("geschaeftsstelle", $"/geschaeftsstelle/versammlungen/{assembly}");
        foreach (var person in new[] { "Heilbronn: Juri Jacobi", "Metropolregion Rhein-Neckar: Marco Brunzel", "Digitalisierungszentrum Merseburg: Sirko Scheffler" })
        {
            await office.GetByLabel("Person eines stimmberechtigten Mitglieds").SelectOptionAsync(new SelectOptionValue { Label = person });
            await office.GetByRole(AriaRole.Button, new() { Name = "Als Delegierte Person benennen" }).ClickAsync();
            await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("ist als Delegierte Person");
        }
        foreach (var name in new[] { "Svenja Baumgärtner", "Sabrina Härdtner", "Juri Jacobi", "Marco Brunzel", "Sirko Scheffler" })
        {
            await office.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Einchecken") }).ClickAsync();
            await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} (");
        }
        var quorum = office.Locator("dl.angaben").Filter(new() { HasText = "Beschlussfähig" });
        await Expect(quorum).ToContainTextAsync(new Regex(@"Anwesend\s*5"));
        await Expect(quorum).ToContainTextAsync(new Regex(@"Durch Vollmacht vertreten\s*1"));
        await Expect(quorum).ToContainTextAsync(new Regex(@"Beschlussfähig\s*ja"));

        await office.GetByLabel("Antrag", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{DemoMotion} (Beschluss)" });
        await office.GetByLabel("Geheime Abstimmung (mit Quittungscodes)").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Abstimmung eröffnen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("ist eröffnet");
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = $"Läuft: {DemoMotion}" })).ToBeVisibleAsync();

        // While the vote is open the roll is frozen: the proxy stays.
        await freiburg.GotoAsync($"/versammlungen/{assembly}/vollmacht");
        await freiburg.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Vollmacht widerrufen") }).ClickAsync();
        await Expect(freiburg.GetByRole(AriaRole.Alert)).ToContainTextAsync("Gerade läuft eine Abstimmung.");

        // Heidelberg's delegate votes for Heidelberg and, by proxy, for #freiburg_gestalten.
        await heidelberg.GotoAsync($"/versammlungen/{assembly}/abstimmung");
        await Expect(heidelberg.GetByRole(AriaRole.Heading, new() { Name = DemoMotion })).ToBeVisibleAsync();
        var heidelbergsCode = await CastAsync(heidelberg, "Heidelberg", "Ja");
        await CastAsync(heidelberg, "#freiburg_gestalten / ArTik e. V.", "Enthaltung");

        // Pforzheim's delegate votes on the phone, then changes the secret ballot with its receipt code.
        await pforzheim.GotoAsync($"/versammlungen/{assembly}/abstimmung");
        var pforzheimsCode = await CastAsync(pforzheim, "Pforzheim", "Nein");
        await Accessibility.AssertNoSeriousViolationsAsync(pforzheim);
        await Screenshots.SaveAsync(pforzheim, "abstimmung");
        var ballot = pforzheim.GetByRole(AriaRole.Group, new() { Name = "Stimme für Pforzheim" });
        await ballot.GetByLabel("Quittungscode Ihrer ersten Stimme").FillAsync(pforzheimsCode);
        Assert.Equal(pforzheimsCode, await CastAsync(pforzheim, "Pforzheim", "Ja"));

        // The office closes the vote: 2 yes, no no, 1 abstention pass by simple majority.
        await office.GotoAsync($"/geschaeftsstelle/versammlungen/{assembly}");
        await office.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Abstimmung schließen und auszählen") }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync($"„{DemoMotion}“ ist angenommen: Ja 2, Nein 0, Enthaltungen 1.");
        var result = office.GetByRole(AriaRole.Region, new() { Name = "Abstimmungen und Ergebnisse" }).GetByRole(AriaRole.Row).Filter(new() { HasText = DemoMotion });
        await Expect(result).ToContainTextAsync("angenommen");
        await Expect(result).ToContainTextAsync("einfache Mehrheit");
        await office.GetByRole(AriaRole.Button, new() { Name = "Protokoll erstellen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToHaveTextAsync("Der Protokollentwurf ist erstellt.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Als Versammlungsleitung genehmigen" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Genehmigung ist eingetragen.");
        await Expect(office.Locator("pre.protokoll")).ToContainTextAsync("Der Antrag ist angenommen.");
        await Accessibility.AssertNoSeriousViolationsAsync(office);
        await Screenshots.SaveAsync(office, "geschaeftsstelle-versammlung");

        // Heidelberg's delegate finds its ballot in the published receipts.
        await heidelberg.GotoAsync($"/versammlungen/{assembly}/abstimmung");
        await heidelberg.GetByLabel("Quittungscode").FillAsync(heidelbergsCode);
        await heidelberg.GetByRole(AriaRole.Button, new() { Name = "Prüfen" }).ClickAsync();
        await Expect(heidelberg.GetByRole(AriaRole.Status)).ToContainTextAsync($"Der Quittungscode {heidelbergsCode} ist veröffentlicht mit der Stimme „Ja“.");
        await Accessibility.AssertNoSeriousViolationsAsync(heidelberg);
    }

    static async Task CreateAsync(IPage office, string title, int days)
    {
        await office.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await office.GetByLabel("Beginn").FillAsync(InDays(days, 10));
        await office.GetByLabel("Ende").FillAsync(InDays(days, 16));
        await office.GetByLabel("Ort").FillAsync("Heidelberg");
        await office.GetByLabel("Versammlungsleitung").FillAsync("Max Schulze-Vorberg");
        await office.GetByLabel("Protokollführung").FillAsync("Geschäftsstelle Kommune 2.0 e. V.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf anlegen" }).ClickAsync();
        await Expect(Heading(office)).ToHaveTextAsync(title);
    }

    static async Task GiveProxyAsync(IPage page, string holder)
    {
        await page.GetByLabel("Bevollmächtigtes Mitglied").SelectOptionAsync(new SelectOptionValue { Label = holder });
        await page.GetByRole(AriaRole.Button, new() { Name = "Stimme übertragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"hat seine Stimme an {holder} übertragen");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"an {holder}" })).ToContainTextAsync("seit");
    }

    static async Task AddAgendaItemAsync(IPage office, string title)
    {
        await office.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await office.GetByRole(AriaRole.Button, new() { Name = "Tagesordnungspunkt hinzufügen" }).ClickAsync();
    }

    /// <summary>Casts a ballot for <paramref name="member"/> and answers the secret ballot's receipt code.</summary>
    static async Task<string> CastAsync(IPage page, string member, string choice)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Group, new() { Name = $"Stimme für {member}" }) });
        await form.GetByLabel(choice, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Stimme (abgeben|ändern)") }).ClickAsync();
        var receipt = page.GetByRole(AriaRole.Status);
        await Expect(receipt).ToContainTextAsync($"Ihre Stimme für {member} ist gezählt: {choice}.");
        return (await receipt.Locator(".code").TextContentAsync())!.Trim();
    }

    /// <summary>The demo's 6th general assembly, which Meetings adds shortly after it starts.</summary>
    async Task<Guid> DemoAssemblyIdAsync()
    {
        using var http = new HttpClient { BaseAddress = Portal.Address };
        var id = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var assemblies = await http.GetFromJsonAsync<JsonElement>("/api/meetings/assemblies");
            id = assemblies.EnumerateArray().Single(a => a.GetProperty("title").GetString() == DemoAssembly).GetProperty("id").GetGuid();
        }, TimeSpan.FromSeconds(60));
        return id;
    }
}
