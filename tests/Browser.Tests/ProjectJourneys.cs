using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// The cities' pilot projects in the browser: visitors find Heilbronn's Reallabor with its overdue milestone and its acceptance
/// over time; Heilbronn's editor records a survey at the project's desk and sees it as a new point of the chart and a row of the table.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProjectJourneys(Portal portal) : Journeys(portal)
{
    const string Heilbronn = "/projekte/reallabore-heilbronn";

    [Fact]
    public async Task A_visitor_filters_the_projects_and_reads_Heilbronns_Reallabor()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Projekte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Projekte");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reallabore Digitale Stadt Heilbronn" })).ToContainTextAsync("läuft");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pforzheim vor und nach 1945" })).ToContainTextAsync("Hochschule Pforzheim");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "projekte");

        await page.GetByLabel("Phase").SelectOptionAsync(new SelectOptionValue { Label = "genehmigt" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/projekte\?phase=approved"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pforzheim vor und nach 1945" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reallabore Digitale Stadt Heilbronn" })).ToHaveCountAsync(0);

        await page.GotoAsync("/projekte?partner=" + Uri.EscapeDataString("KPMG AG Wirtschaftsprüfungsgesellschaft"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Reallabore Digitale Stadt Heilbronn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reallabore Digitale Stadt Heilbronn");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rückmeldungen der Vernissage dem Gemeinderat vorlegen" }))
            .ToContainTextAsync("überfällig");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Handlungsfelder und Bestandsaufnahme" })).ToContainTextAsync("erreicht am");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Akzeptanz über die Zeit" })).ToBeVisibleAsync();
        await Expect(page.Locator("svg.verlauf text.diagramm-wert")).ToContainTextAsync(["71,1 %", "67,7 %"]);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vernissage Digital" }).First).ToContainTextAsync("67,7 %");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Max Schulze-Vorberg" })).ToContainTextAsync("genehmigt");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vernissage Digital: Zwischenergebnisse gezeigt" })).ToBeVisibleAsync();
        await Expect(page.GetByText("KPMG AG Wirtschaftsprüfungsgesellschaft")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Messung speichern" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "projekt");
    }

    [Fact]
    public async Task Heilbronn_records_a_survey_and_sees_it_in_the_chart_and_the_table()
    {
        var page = await Portal.SignedInAsync("heilbronn", Heilbronn);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arbeitsbereich von Heilbronn" })).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // A fourth question row without script: the form comes back with what was typed and one more row.
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Bürgerbefragung zur Reallabor-App");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weitere Frage" }).ClickAsync();
        await Expect(page.GetByLabel("Frage 4", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Bürgerbefragung zur Reallabor-App");

        await page.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Befragung" });
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync(today);
        await page.GetByLabel("Bürgerschaft").CheckAsync();
        await page.GetByLabel("Befragte", new() { Exact = true }).FillAsync("50");
        await page.GetByLabel("Frage 1", new() { Exact = true }).FillAsync("Ich nutze die Reallabor-App.");
        await page.GetByLabel("Antworten zu Frage 1", new() { Exact = true }).FillAsync("40");
        await page.GetByLabel("davon zustimmend (Frage 1)", new() { Exact = true }).FillAsync("45");
        await page.GetByLabel("Frage 4", new() { Exact = true }).FillAsync("Die App sollte bleiben.");
        await page.GetByLabel("Antworten zu Frage 4", new() { Exact = true }).FillAsync("48");
        await page.GetByLabel("davon zustimmend (Frage 4)", new() { Exact = true }).FillAsync("42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Messung speichern" }).ClickAsync();

        // The Projects service refuses more approving than answering answers; the message stands at the row's field.
        var approving = page.GetByLabel("davon zustimmend (Frage 1)", new() { Exact = true });
        await Expect(approving).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(approving).ToHaveValueAsync("45");
        await Expect(page.Locator("#zustimmend-0-fehler")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "projekt-messung-fehler");

        await approving.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Messung speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bürgerbefragung zur Reallabor-App");

        // (30 + 42) of (40 + 48) answers approve: 81,8 %, the newest point, and a row of the table beside the chart.
        await Expect(page.Locator("svg.verlauf text.diagramm-wert")).ToHaveTextAsync(["71,1 %", "67,7 %", "81,8 %"]);
        await Expect(page.Locator("svg.verlauf desc")).ToContainTextAsync("Bürgerbefragung zur Reallabor-App: 81,8 % Zustimmung");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bürgerbefragung zur Reallabor-App (Befragung)" }))
            .ToContainTextAsync("81,8 %");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "projekt-akzeptanz");
    }

    [Fact]
    public async Task Heilbronn_is_refused_to_run_back_and_extends_its_Reallabor_on_a_phone()
    {
        var page = await Portal.SignedInAsync("heilbronn", Heilbronn, Widths.Phone);
        await page.GetByLabel("Neues Ende", new() { Exact = true }).FillAsync("2020-01-01");
        await page.GetByLabel("Begründung der Verlängerung", new() { Exact = true }).FillAsync("Die Auswertung braucht länger.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verlängern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Diese Verlängerung ist nicht möglich.");

        var end = page.GetByLabel("Neues Ende", new() { Exact = true });
        var later = DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await end.FillAsync(later);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verlängern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Das Projekt läuft jetzt bis");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "verlängert bis" })).ToContainTextAsync("Juri Jacobi");

        await page.GetByLabel("Meilenstein", new() { Exact = true }).FillAsync("Zweite Vernissage Digital");
        await page.GetByLabel("Fällig am", new() { Exact = true }).FillAsync(later);
        await page.GetByRole(AriaRole.Button, new() { Name = "Meilenstein hinzufügen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zweite Vernissage Digital" })).ToContainTextAsync("offen");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "projekt-arbeitsbereich");
    }
}
