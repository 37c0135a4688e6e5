using System.Text;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Documents;
using Kommune20.Meetings.Proceedings;

namespace Kommune20.Meetings.Tests;

public class MinutesWriterTests
{
    static readonly DateTimeOffset Start = new(2027, 3, 19, 9, 0, 0, TimeSpan.Zero);     // 10:00 in Freiburg

    static VoteRecord Vote(string title, DecisionKind kind, Majority majority, Tally result, int yesNeeded, bool passed, bool secret = false) =>
        new(title, "Die Versammlung beschließt.", kind, "Stadt Heidelberg", [], secret, Start.AddHours(1), Start.AddHours(1.25),
            new QuorumFigures(8, 5, 1, 4), majority, result, yesNeeded, passed);

    static MinutesRecord Record(params VoteRecord[] votes) => new("7. Mitgliederversammlung", "Heilbronn", null, Start, Start.AddHours(6),
        Start.AddDays(-35), "Max Schulze-Vorberg", "Geschäftsstelle", 28, new QuorumFigures(8, 5, 1, 4), ["Begrüßung", "Anträge"],
        [new PresentMember("Stadt Heidelberg", [new CheckedInDelegate("Svenja Baumgärtner", Start.AddMinutes(-10))])],
        [new RepresentedMember("DIGIHUB Südbaden", "Stadt Heidelberg")], votes);

    [Fact]
    public void Each_vote_has_its_figures_its_quorum_and_its_majority()
    {
        var markdown = MinutesWriter.Write(Record(
            Vote("Digitallotsen", DecisionKind.Resolution, Majority.Simple, new Tally(3, 1, 2), 3, passed: true),
            Vote("Satzungsänderung § 7", DecisionKind.StatuteChange, Majority.ThreeQuarters, new Tally(4, 2, 0), 5, passed: false)));

        Assert.Contains("### Beschluss 1: Digitallotsen", markdown);
        Assert.Contains("**Ergebnis:** Ja 3, Nein 1, Enthaltungen 2", markdown);
        Assert.Contains("einfache Mehrheit der abgegebenen Stimmen (Enthaltungen zählen nicht); nötig waren 3 Ja-Stimmen", markdown);
        Assert.Contains("### Beschluss 2: Satzungsänderung § 7", markdown);
        Assert.Contains("Antrag auf Satzungsänderung, eingebracht von Stadt Heidelberg", markdown);
        Assert.Contains("**Ergebnis:** Ja 4, Nein 2, Enthaltungen 0", markdown);
        Assert.Contains("Drei-Viertel-Mehrheit der abgegebenen Stimmen (Enthaltungen zählen nicht); nötig waren 5 Ja-Stimmen", markdown);
        Assert.Equal(2, Occurrences(markdown, "**Beschlussfähigkeit:** 8 stimmberechtigte Mitglieder, 5 anwesend, 1 vertreten, erforderlich 4"));
        Assert.True(markdown.IndexOf("Digitallotsen", StringComparison.Ordinal) < markdown.IndexOf("Satzungsänderung § 7", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vote_is_declared_passed_or_failed()
    {
        var markdown = MinutesWriter.Write(Record(
            Vote("Angenommen", DecisionKind.Resolution, Majority.Simple, new Tally(3, 1, 2), 3, passed: true),
            Vote("Abgelehnt", DecisionKind.StatuteChange, Majority.ThreeQuarters, new Tally(4, 2, 0), 5, passed: false)));

        var first = markdown[markdown.IndexOf("Beschluss 1", StringComparison.Ordinal)..markdown.IndexOf("Beschluss 2", StringComparison.Ordinal)];
        var second = markdown[markdown.IndexOf("Beschluss 2", StringComparison.Ordinal)..];
        Assert.Contains("**Der Antrag ist angenommen.**", first);
        Assert.DoesNotContain("abgelehnt", first);
        Assert.Contains("**Der Antrag ist abgelehnt.**", second);
        Assert.DoesNotContain("angenommen", second);
    }

    [Fact]
    public void The_minutes_open_with_place_time_chair_attendance_and_quorum()
    {
        var markdown = MinutesWriter.Write(Record(
            Vote("Wahl der Kassenprüfung", DecisionKind.Election, Majority.Simple, new Tally(4, 0, 1), 1, passed: true, secret: true)));

        Assert.StartsWith("# Protokoll: 7. Mitgliederversammlung", markdown);
        Assert.Contains("- **Ort:** Heilbronn", markdown);
        Assert.Contains("- **Datum:** Freitag, 19. März 2027", markdown);
        Assert.Contains("- **Beginn:** 10:00 Uhr", markdown);
        Assert.Contains("- **Versammlungsleitung:** Max Schulze-Vorberg", markdown);
        Assert.Contains("- **Protokollführung:** Geschäftsstelle", markdown);
        Assert.Contains("| Stadt Heidelberg | Svenja Baumgärtner | 19. März 2027, 09:50 Uhr |", markdown);
        Assert.Contains("| DIGIHUB Südbaden | Stadt Heidelberg |", markdown);
        Assert.Contains("Von 8 stimmberechtigten Mitgliedern sind 5 anwesend und 1 durch Vollmacht vertreten; die Satzung verlangt 4. "
            + "Die Versammlung ist beschlussfähig.", markdown);
        Assert.Contains("**Abstimmung:** geheim (mit Quittungscodes)", markdown);
    }

    [Fact]
    public void The_signatures_name_who_approved_and_a_draft_says_so()
    {
        var record = MinutesWriter.Write(Record());
        var draft = MinutesWriter.Document(record, "Max Schulze-Vorberg", "Geschäftsstelle",
            new MinutesApproval("Max Schulze-Vorberg", Start.AddHours(7)), null, Start.AddHours(6.5), null);
        Assert.StartsWith("**Entwurf** vom 19. März 2027, 16:30 Uhr", draft);
        Assert.Contains("- Versammlungsleitung (Max Schulze-Vorberg): gez. Max Schulze-Vorberg, genehmigt am 19. März 2027, 17:00 Uhr", draft);
        Assert.Contains("- Protokollführung (Geschäftsstelle): Genehmigung ausstehend", draft);
        Assert.Contains("Es wurden keine Beschlüsse gefasst.", draft);

        var final = MinutesWriter.Document(record, "Max Schulze-Vorberg", "Geschäftsstelle",
            new MinutesApproval("Max Schulze-Vorberg", Start.AddHours(7)), new MinutesApproval("Erika Protokoll", Start.AddHours(8)),
            Start.AddHours(6.5), Start.AddHours(8));
        Assert.DoesNotContain("Entwurf", final);
        Assert.Contains("- Protokollführung (Geschäftsstelle): gez. Erika Protokoll, genehmigt am 19. März 2027, 18:00 Uhr", final);
        Assert.Contains("Genehmigt und den Mitgliedern veröffentlicht am 19. März 2027, 18:00 Uhr.", final);
    }

    [Fact]
    public void What_members_typed_stays_text()
    {
        var vote = Vote("<script>alert(1)</script> **fett**", DecisionKind.Resolution, Majority.Simple, new Tally(1, 0, 0), 1, true)
            with { MotionText = "# Keine Überschrift\n- keine Liste\n1. keine Aufzählung" };
        var html = DocumentHtml.Render("Protokoll: Titel", MinutesWriter.Write(Record(vote)));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; **fett**", html);
        Assert.Contains("# Keine Überschrift", html);
        Assert.DoesNotContain("<h1>Keine", html);
        Assert.DoesNotContain("<li>keine Liste", html);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void The_pdf_carries_the_figures()
    {
        var markdown = MinutesWriter.Write(Record(
            Vote("Digitallotsen", DecisionKind.Resolution, Majority.Simple, new Tally(3, 1, 2), 3, passed: true)));
        var pdf = DocumentPdf.Render("Protokoll: 7. Mitgliederversammlung", markdown);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.True(pdf.Length > 5_000, $"only {pdf.Length} bytes");
    }

    static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
