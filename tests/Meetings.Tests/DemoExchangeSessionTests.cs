using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kommune20.Contracts.Library;
using Kommune20.Data.Lists;
using Kommune20.Meetings.Documents;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Seed;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// The demo's Freiburg session (Seed/exchange-session.json) compiles into the document the association compiled
/// (seeds/001, with seeds/000 as Heidelberg's part): the same panelists in the same order, speaking for the same
/// organisations, the same question headings in each one's words, the preface, the statement without a question, the links.
/// </summary>
public sealed class DemoExchangeSessionTests
{
    const string Politik = "Wie kann die lokale Politik begeistert werden?";
    const string Mitarbeiter = "Wie werden Mitarbeiter der kommunalen Verwaltung „mitgenommen“?";
    const string KulturAsPut = "Welche Rolle spielt die lokalen Kultur- und Bildungsszene?";
    const string Unternehmen = "Welche Aufgaben kommen auf kommunale Unternehmen/Stadtwerke zu?";
    const string Wirtschaft = "Wie kann sich die regionale Wirtschaft einbringen?";
    const string Zivilgesellschaft = "Wie wird die Zivilgesellschaft mit eingebunden?";

    /// <summary>seeds/001, heading by heading.</summary>
    static readonly string[] Seed001Headings =
    [
        "# Statements zum Kommune 2.0-Erfahrungsaustausch: Auf dem Weg zu digitalen Ökosystemen: Kommunen als Treiber für den digitalen Wandel",
        "## Marco Brunzel",
        "### Wie kann die lokale Politik begeistert werden", $"### {Mitarbeiter}", $"### {KulturAsPut}", $"### {Unternehmen}", $"### {Wirtschaft}",
        $"### {Zivilgesellschaft}",
        "## Svenja Baumgärtner",
        $"### {Politik}", $"### {Mitarbeiter}", $"### {Unternehmen}", $"### {Zivilgesellschaft}",
        "## Sabrina Härdtner",
        $"### {Politik}", $"### {Mitarbeiter}", $"### {KulturAsPut}", $"### {Unternehmen}", $"### {Wirtschaft}",
        "### Wie muss die Zivilgesellschaft mit eingebunden werden?",
        "## Sirko Scheffler",
        $"### {Politik}", $"### {Mitarbeiter}", $"### {KulturAsPut}", $"### {Unternehmen}", $"### {Wirtschaft}", $"### {Zivilgesellschaft}",
        "## Konstantin Rethmann",
        "### Vorbemerkung", $"### {Politik}", $"### {Mitarbeiter}", "### Welche Rolle spielt die lokale Kultur- und Bildungsszene?",
        $"### {Zivilgesellschaft}",
        "## Dr. Julia Mohrbacher",
    ];

    /// <summary>What each panelist speaks for, as seeds/001 names it under their name.</summary>
    static readonly string[] Seed001Organisations =
    [
        "Metropolregion Rhein Neckar, Leitung Digitalisierung und E-Government",
        "Stadt Heidelberg, Amt für Digitales und Informationsverarbeitung",
        "Stadt Pforzheim, Pforzheim digital",
        "Digitalisierungszentrum Merseburg, Verein zur Förderung eines Regionalen Informationsverbundes für die Region Halle e.V.",
        "#freiburg_gestalten, ArTik e. V.",
        "DIGIHUB Südbaden, Projektleiterin",
    ];

    static readonly string[] Seed001Links =
    [
        "https://www.heidelberg.de/Digitale-Stadt,Lde/startseite/projekte/digital+lotsen.html",
        "https://kulturmanagement.blog/2018/06/12/xpress-der-digitale-erlebnisraum-rhein-neckar/",
        "https://www.geonet-mrn.de/portal/fep/de/dt.jsp?setCursor=1_439988_468470",
        "https://www.vku.de/themen/digitalisierung/smart-city-und-smart-region/",
        "https://crowdmyregion.de/",
        "http://oliverrack.eu/",
        "http://www.nexusexperiments.uni-freiburg.de/startseite/",
    ];

    static readonly Uri Site = new("http://localhost:8080/");

    static string Text(ContainerInline? inline) => string.Concat(inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    [Fact]
    public void The_compiled_demo_session_has_the_headings_organisations_and_links_of_seeds_001()
    {
        var (session, statements) = DemoExchangeSession.Build(DemoExchangeSession.Read(), DateTimeOffset.UtcNow, new DateOnly(2027, 3, 19), assembly: null);
        session.ResultsPublishedAt = DateTimeOffset.UtcNow;

        var document = Markdown.Parse(StatementsDocument.Write(session, statements, CompiledBy.Panelist, Site), DocumentHtml.Pipeline);

        var headings = document.Descendants<HeadingBlock>().ToList();
        Assert.Equal(Seed001Headings, headings.Select(h => $"{new string('#', h.Level)} {Text(h.Inline)}"));
        Assert.Equal(Seed001Organisations, headings.Where(h => h.Level == 2)
            .Select(h => Text(((ParagraphBlock)document[document.IndexOf(h) + 1]).Inline)));
        // The links of seeds/001, and where the Metropolregion wants to adopt Heidelberg's Digitallotsen, the practice's page in the portal.
        var digitallotsen = new Uri(Site, $"/praxisbeispiele/{LibraryPracticeId.Of(Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002"), "digitallotsen")}");
        Assert.Equal([.. Seed001Links[..1], digitallotsen.ToString(), .. Seed001Links[1..]], document.Descendants<LinkInline>().Select(l => l.Url));
        Assert.Equal("Digitallotsinnen und Digitallotsen", Text(document.Descendants<LinkInline>().ElementAt(1)));
        Assert.Equal(["Ivan Acimovic", "Marc Groß"], session.Moderators.Select(m => m.Name));
        // Dr. Mohrbacher's statement follows no question: it stands under her name, three paragraphs as in seeds/001.
        var mohrbacher = headings[^1];
        Assert.Equal(1 + 3, document.Skip(document.IndexOf(mohrbacher) + 1).Count());
    }

    [Fact]
    public void Heidelbergs_part_is_seeds_000_word_for_word_in_its_openings()
    {
        var seed = DemoExchangeSession.Read();
        var heidelberg = seed.Panelists.Single(p => p.Name == "Svenja Baumgärtner");

        Assert.Equal(["politik", "mitarbeiter", "unternehmen", "zivilgesellschaft"], heidelberg.Answers.Select(a => a.Question));
        Assert.StartsWith("Die lokale Politik wurde in den Entwicklungsprozess hin zur Digitalen Stadt bereits frühzeitig", heidelberg.Answers[0].Text);
        Assert.StartsWith("Digitalisierung ist ein Transformationsprozess, der unsere Stadtverwaltung", heidelberg.Answers[1].Text);
        Assert.StartsWith("Bürgerinnen und Bürger erwarten eine „once-only“-Serviceleistung", heidelberg.Answers[2].Text);
        Assert.EndsWith("Die Bürgerinnen und Bürger werden dabei über Chancen und Risiken digitaler Entwicklungen aufgeklärt.", heidelberg.Answers[3].Text);
    }

    /// <summary>
    /// The demo assembly is invited to the register's voting members, so the session under its agenda needs the real
    /// Registry: the whole hub, as <c>./kommune20 up</c> starts it, with a moderator signed in at its issuer.
    /// </summary>
    [Fact]
    public async Task The_demo_holds_the_Freiburg_session_under_the_assemblys_agenda_for_its_moderators()
    {
        await using var hub = await Hub.StartAsync();
        using var iese = await hub.SignedInAsync("moderation-iese");

        SessionSummary? freiburg = null;
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = (await iese.GetFromJsonAsync<PagedList<SessionSummary>>("/api/meetings/exchange-sessions", Json.Options))!;
            freiburg = Assert.Single(sessions.Items);
        });
        Assert.NotNull(freiburg!.AssemblyId);
        var assembly = (await iese.GetFromJsonAsync<Assemblies.AssemblyDetail>($"/api/meetings/assemblies/{freiburg.AssemblyId}", Json.Options))!;
        var session = (await iese.GetFromJsonAsync<SessionDetail>($"/api/meetings/exchange-sessions/{freiburg.Id}", Json.Options))!;
        Assert.Equal(assembly.Agenda.Single(i => i.Position == 2).Id, session.AgendaItemId);
        Assert.Equal(assembly.StartsAt.Date, session.StartsAt.Date);

        var progress = (await iese.GetFromJsonAsync<ExchangeProgress>($"/api/meetings/exchange-sessions/{freiburg.Id}/progress", Json.Options))!;
        Assert.Equal((26, 26), (progress.Answered, progress.Asked));
        Assert.Equal(6, progress.Panelists.Count);
        using var html = await iese.GetAsync($"/api/meetings/exchange-sessions/{freiburg.Id}/statements.html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        // Through the gateway too, the page carries the policy that lets its own style run.
        Assert.Equal(DocumentHtml.ContentSecurityPolicy, html.Headers.GetValues("Content-Security-Policy").Single());
    }
}
