using System.Text;
using Kommune20.Meetings.Documents;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Practices;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kommune20.Meetings.Tests;

/// <summary>The compiled statements by panelist and by question: headings where seeds/001 has them, links kept in every format, names as text.</summary>
public sealed class StatementsDocumentTests
{
    static readonly DateTimeOffset Start = new(2027, 3, 19, 13, 30, 0, TimeSpan.FromHours(1));
    static readonly Uri Site = new("https://kommune20.example/");

    static (ExchangeSession Session, List<Statement> Statements) Session()
    {
        var session = new ExchangeSession
        {
            Id = Guid.NewGuid(), Title = "Auf dem Weg zu digitalen Ökosystemen", Place = "Freiburg im Breisgau", StartsAt = Start, EndsAt = Start.AddHours(1.5),
        };
        var politik = new GuidingQuestion { Id = Guid.NewGuid(), SessionId = session.Id, Position = 1, Text = "Wie kann die lokale Politik begeistert werden?" };
        var zivil = new GuidingQuestion { Id = Guid.NewGuid(), SessionId = session.Id, Position = 2, Text = "Wie wird die Zivilgesellschaft mit eingebunden?" };
        Panelist Seat(int position, string name, string organisation, params PanelistQuestion[] questions) => new()
        {
            Id = Guid.NewGuid(), SessionId = session.Id, PersonId = Guid.NewGuid(), Name = name, Organisation = organisation, Position = position, Questions = [.. questions],
        };
        var brunzel = Seat(1, "Marco Brunzel", "Metropolregion Rhein Neckar", new PanelistQuestion(politik.Id, "Wie kann die lokale Politik begeistert werden"), new PanelistQuestion(zivil.Id, null));
        var rethmann = Seat(2, "Konstantin Rethmann", "#freiburg_gestalten, ArTik e. V.", new PanelistQuestion(politik.Id, null));
        var mohrbacher = Seat(3, "Dr. Julia Mohrbacher", "DIGIHUB Südbaden, Projektleiterin");
        session.Questions.AddRange([politik, zivil]);
        session.Panelists.AddRange([brunzel, rethmann, mohrbacher]);
        session.Moderators.Add(new SessionModerator { SessionId = session.Id, PersonId = Guid.NewGuid(), Name = "Ivan Acimovic", Organisation = "Fraunhofer IESE" });
        Statement Of(Panelist panelist, StatementKind kind, GuidingQuestion? question, string text) => new()
        {
            Id = Guid.NewGuid(), SessionId = session.Id, PanelistId = panelist.Id, Kind = kind, QuestionId = question?.Id, Text = text, WrittenAt = Start,
        };
        return (session, [
            Of(brunzel, StatementKind.Answer, zivil, "„There won’t be truly Smart Cities without Smart Citizens”\n\n- http://oliverrack.eu/"),
            Of(brunzel, StatementKind.Answer, politik, "Wir brauchen eine mitreißende Vision."),
            Of(rethmann, StatementKind.Answer, politik, "Begeisterung entsteht durch gute Ideen."),
            Of(rethmann, StatementKind.Preface, null, "Für alle Thesen gilt: [Aufklären](https://www.freiburg-gestalten.de/)."),
            Of(mohrbacher, StatementKind.General, null, "Die regionalen Digitalisierungszentren „Digital Hubs“ …"),
        ]);
    }

    static List<string> Headings(string markdown) => Markdown.Parse(markdown, DocumentHtml.Pipeline).Descendants<HeadingBlock>()
        .Select(h => $"{new string('#', h.Level)} {string.Concat(h.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()))}").ToList();

    static List<string> Links(string markdown) => Markdown.Parse(markdown, DocumentHtml.Pipeline).Descendants<LinkInline>().Select(l => l.Url!).ToList();

    [Fact]
    public void By_panelist_each_panelist_has_their_preface_answers_in_their_wording_and_general_statements_under_their_name()
    {
        var (session, statements) = Session();

        var markdown = StatementsDocument.Write(session, statements, CompiledBy.Panelist, Site);

        Assert.Equal([
            "# Statements zum Kommune 2.0-Erfahrungsaustausch: Auf dem Weg zu digitalen Ökosystemen",
            "## Marco Brunzel", "### Wie kann die lokale Politik begeistert werden", "### Wie wird die Zivilgesellschaft mit eingebunden?",
            "## Konstantin Rethmann", "### Vorbemerkung", "### Wie kann die lokale Politik begeistert werden?",
            "## Dr. Julia Mohrbacher",
        ], Headings(markdown));
        Assert.Equal(["http://oliverrack.eu/", "https://www.freiburg-gestalten.de/"], Links(markdown));
        Assert.Contains("Freitag, 19. März 2027, 13:30 Uhr bis 15:00 Uhr, Freiburg im Breisgau", markdown);
        Assert.Contains("Moderation: Ivan Acimovic (Fraunhofer IESE)", markdown);
        Assert.Contains("**Zwischenstand**", markdown);
    }

    [Fact]
    public void By_question_each_question_has_its_answers_then_prefaces_and_general_statements_apart()
    {
        var (session, statements) = Session();

        var markdown = StatementsDocument.Write(session, statements, CompiledBy.Question, Site);

        Assert.Equal([
            "# Statements zum Kommune 2.0-Erfahrungsaustausch: Auf dem Weg zu digitalen Ökosystemen",
            "## Vorbemerkungen", "### Konstantin Rethmann (#freiburg_gestalten, ArTik e. V.)",
            "## Wie kann die lokale Politik begeistert werden?", "### Marco Brunzel (Metropolregion Rhein Neckar)",
            "### Konstantin Rethmann (#freiburg_gestalten, ArTik e. V.)",
            "## Wie wird die Zivilgesellschaft mit eingebunden?", "### Marco Brunzel (Metropolregion Rhein Neckar)",
            "## Statements ohne Leitfrage", "### Dr. Julia Mohrbacher (DIGIHUB Südbaden, Projektleiterin)",
        ], Headings(markdown));
        Assert.Contains("Gestellt als: „Wie kann die lokale Politik begeistert werden“", markdown);
        Assert.Equal(["https://www.freiburg-gestalten.de/", "http://oliverrack.eu/"], Links(markdown));
    }

    [Fact]
    public void Links_stay_links_in_HTML_and_PDF()
    {
        var (session, statements) = Session();
        var markdown = StatementsDocument.Write(session, statements, CompiledBy.Panelist, Site);

        var html = DocumentHtml.Render("Statements", markdown);
        var pdf = Encoding.Latin1.GetString(DocumentPdf.Render("Statements", markdown));

        Assert.Contains("<a href=\"http://oliverrack.eu/\">http://oliverrack.eu/</a>", html);
        Assert.Contains("<a href=\"https://www.freiburg-gestalten.de/\">Aufklären</a>", html);
        Assert.Contains("/URI(http://oliverrack.eu/)", pdf.Replace(" ", ""));
        Assert.Contains("/URI(https://www.freiburg-gestalten.de/)", pdf.Replace(" ", ""));
    }

    [Fact]
    public void Practices_a_statement_or_takeaway_points_to_are_links_to_their_pages_in_the_portal()
    {
        var (session, statements) = Session();
        var digitallotsen = new LinkedPractice(Guid.NewGuid(), "Digitallotsinnen und Digitallotsen");
        var mash = new LinkedPractice(Guid.NewGuid(), "MAsH – die Multiplattform für Heidelberg");
        statements[1].Practices = [digitallotsen];
        var takeaway = new Takeaway
        {
            Id = Guid.NewGuid(), SessionId = session.Id, GuidingQuestionId = session.Questions[0].Id, Text = "Lotsen in jedem Amt.",
            Practices = [digitallotsen, mash], RecordedAt = Start,
        };

        var markdown = StatementsDocument.Write(session, statements, CompiledBy.Panelist, Site, new LiveRoomResults([takeaway], []));

        var page = $"https://kommune20.example/praxisbeispiele/{digitallotsen.Id}";
        Assert.Contains($"Wir brauchen eine mitreißende Vision.\n\nPraxisbeispiel in der Bibliothek: [Digitallotsinnen und Digitallotsen]({page})", markdown);
        Assert.Contains($"- Lotsen in jedem Amt. (Praxisbeispiele: [Digitallotsinnen und Digitallotsen]({page}), "
            + $"[MAsH – die Multiplattform für Heidelberg](https://kommune20.example/praxisbeispiele/{mash.Id}))", markdown);
        Assert.Contains($"/URI({page})", Encoding.Latin1.GetString(DocumentPdf.Render("Statements", markdown)).Replace(" ", ""));
    }
}
