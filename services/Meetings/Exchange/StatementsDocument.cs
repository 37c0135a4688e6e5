using System.Text;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Practices;
using static Kommune20.Meetings.Documents.GermanTime;
using static Kommune20.Meetings.Documents.MarkdownText;

namespace Kommune20.Meetings.Exchange;

/// <summary>What the live room brought: the moderators' takeaways and the audience's questions, ranked.</summary>
public sealed record LiveRoomResults(IReadOnlyList<Takeaway> Takeaways, IReadOnlyList<AudienceQuestionDto> Questions);

/// <summary>How the compiled statements are arranged: panelist by panelist (as the association's documents are) or question by question.</summary>
public enum CompiledBy
{
    Panelist,
    Question,
}

/// <summary>
/// The compiled document "Statements zum Kommune 2.0-Erfahrungsaustausch" as Markdown, at any time from what the panel
/// wrote so far. By panelist it follows seeds/001: a section per panelist (name, whom they speak for), their preface
/// ("Vorbemerkung"), each question answered under the question in the words it was put to them, and what follows no
/// question right under their name (under "Weitere Anmerkungen" when they also answered questions). Names and questions
/// are escaped; statements are the panelists' own Markdown, links and all (checked when written: no headings), followed by
/// the practices of the library they point to (links to the practices' pages in the portal at <c>site</c>). What the
/// live room brought (the moderators' takeaways with their practices, the audience's questions without who asked) closes
/// the document.
/// </summary>
public static class StatementsDocument
{
    public const string Heading = "Statements zum Kommune 2.0-Erfahrungsaustausch";
    const string Preface = "Vorbemerkung";
    const string Further = "Weitere Anmerkungen";

    public static string Write(ExchangeSession session, IReadOnlyList<Statement> statements, CompiledBy by, Uri site, LiveRoomResults? live = null)
    {
        var text = new Writer(new StringBuilder(), site);
        var md = text.Md;
        md.Append("# ").Append(Heading).Append(": ").AppendLine(Escape(session.Title)).AppendLine();
        var where = session.Place is { } place ? Escape(place) : $"online, <{session.OnlineUrl}>";
        md.AppendLine($"{Local(session.StartsAt).ToString("dddd, d. MMMM yyyy", German)}, {Time(session.StartsAt)} bis {Time(session.EndsAt)}, {where}").AppendLine();
        if (session.Moderators.Count > 0)
            md.Append("Moderation: ").AppendLine(string.Join("; ", session.Moderators.OrderBy(m => m.NamedAt).Select(NameOf))).AppendLine();
        if (session.ResultsPublishedAt is null)
            md.AppendLine($"**Zwischenstand**: noch nicht veröffentlicht; {statements.Count} Statements.").AppendLine();

        var sorted = StatementOrder.Sort(session, statements).ToList();
        if (by == CompiledBy.Panelist)
            ByPanelist(text, session, sorted);
        else
            ByQuestion(text, session, sorted);
        if (live is not null)
            WriteLiveRoom(text, session, live);
        return md.ToString();
    }

    /// <summary>The document so far and where the portal's practice pages are.</summary>
    sealed record Writer(StringBuilder Md, Uri Site)
    {
        public void Statement(Statement statement)
        {
            Md.AppendLine(statement.Text.Trim()).AppendLine();
            if (statement.Practices.Count > 0)
                Md.Append(statement.Practices.Count == 1 ? "Praxisbeispiel in der Bibliothek: " : "Praxisbeispiele in der Bibliothek: ")
                    .AppendLine(Links(statement.Practices)).AppendLine();
        }

        public string Links(IEnumerable<LinkedPractice> practices) =>
            string.Join(", ", practices.Select(p => $"[{Escape(p.Title)}]({new Uri(Site, p.Page)})"));
    }

    /// <summary>Per guiding question its takeaways and the audience's questions, ranked; those asked while no question was open last.</summary>
    static void WriteLiveRoom(Writer text, ExchangeSession session, LiveRoomResults live)
    {
        var md = text.Md;
        if (live.Takeaways.Count == 0 && live.Questions.Count == 0)
            return;
        md.AppendLine("## Ergebnisse des Live-Raums").AppendLine();
        var sections = session.Questions.OrderBy(q => q.Position).Select(q => (Guid?)q.Id).Append(null);
        foreach (var id in sections)
        {
            var takeaways = live.Takeaways.Where(t => t.GuidingQuestionId == id).OrderBy(t => t.RecordedAt).ToList();
            var asked = live.Questions.Where(q => q.GuidingQuestionId == id).ToList();
            if (takeaways.Count == 0 && asked.Count == 0)
                continue;
            md.Append("### ").AppendLine(id is null ? "Ohne Leitfrage" : Escape(session.Questions.First(q => q.Id == id).Text)).AppendLine();
            if (takeaways.Count > 0)
            {
                md.AppendLine("**Erkenntnisse**").AppendLine();
                foreach (var takeaway in takeaways)
                {
                    md.Append("- ").Append(Escape(takeaway.Text.ReplaceLineEndings(" ")));
                    if (takeaway.Practices.Count > 0)
                        md.Append(" (Praxisbeispiel").Append(takeaway.Practices.Count == 1 ? ": " : "e: ").Append(text.Links(takeaway.Practices)).Append(')');
                    md.AppendLine();
                }
                md.AppendLine();
            }
            if (asked.Count > 0)
            {
                md.AppendLine("**Fragen aus dem Publikum**").AppendLine();
                foreach (var question in asked)
                    md.Append("- ").Append(Escape(question.Text.ReplaceLineEndings(" ")))
                        .AppendLine($" ({(question.Votes == 1 ? "1 Unterstützung" : $"{question.Votes} Unterstützungen")}{(question.AnsweredAt is null ? "" : ", beantwortet")})");
                md.AppendLine();
            }
        }
    }

    static void ByPanelist(Writer text, ExchangeSession session, List<Statement> statements)
    {
        var md = text.Md;
        foreach (var panelist in session.Panelists.OrderBy(p => p.Position))
        {
            var own = statements.Where(s => s.PanelistId == panelist.Id).ToList();
            if (own.Count == 0)
                continue;
            md.Append("## ").AppendLine(Escape(panelist.Name)).AppendLine().AppendLine(EscapeLine(panelist.Organisation)).AppendLine();
            var wordings = panelist.AskedQuestions(session).ToDictionary(asked => asked.Question.Id, asked => asked.Text);
            var answers = own.Any(s => s.Kind == StatementKind.Answer);
            var furtherWritten = false;
            foreach (var statement in own)
            {
                var heading = statement.Kind switch
                {
                    StatementKind.Preface => Preface,
                    StatementKind.Answer => wordings.GetValueOrDefault(statement.QuestionId!.Value)
                        ?? session.Questions.First(q => q.Id == statement.QuestionId).Text,
                    _ => answers && !furtherWritten ? Further : null,
                };
                furtherWritten |= heading == Further;
                if (heading is not null)
                    md.Append("### ").AppendLine(Escape(heading)).AppendLine();
                text.Statement(statement);
            }
        }
    }

    static void ByQuestion(Writer text, ExchangeSession session, List<Statement> statements)
    {
        var md = text.Md;
        Section(text, "Vorbemerkungen", session, statements.Where(s => s.Kind == StatementKind.Preface));
        foreach (var question in session.Questions.OrderBy(q => q.Position))
        {
            var answers = statements.Where(s => s.QuestionId == question.Id).ToList();
            if (answers.Count == 0)
                continue;
            md.Append("## ").AppendLine(Escape(question.Text)).AppendLine();
            if (question.PanelistId is { } asker && session.Panelists.FirstOrDefault(p => p.Id == asker) is { } asking)
                md.AppendLine($"Eigene Frage von {Escape(asking.Name)}.").AppendLine();
            foreach (var answer in answers)
            {
                var speaker = session.Panelists.First(p => p.Id == answer.PanelistId);
                md.Append("### ").AppendLine(NameOf(speaker)).AppendLine();
                var wording = speaker.Questions.FirstOrDefault(q => q.QuestionId == question.Id)?.Wording;
                if (wording is not null && wording != question.Text)
                    md.AppendLine($"Gestellt als: „{Escape(wording)}“").AppendLine();
                text.Statement(answer);
            }
        }
        Section(text, "Statements ohne Leitfrage", session, statements.Where(s => s.Kind == StatementKind.General));
    }

    static void Section(Writer text, string heading, ExchangeSession session, IEnumerable<Statement> statements)
    {
        var md = text.Md;
        var list = statements.ToList();
        if (list.Count == 0)
            return;
        md.Append("## ").AppendLine(heading).AppendLine();
        foreach (var group in list.GroupBy(s => s.PanelistId))
        {
            md.Append("### ").AppendLine(NameOf(session.Panelists.First(p => p.Id == group.Key))).AppendLine();
            foreach (var statement in group)
                text.Statement(statement);
        }
    }

    static string NameOf(Panelist panelist) => $"{Escape(panelist.Name)} ({Escape(panelist.Organisation)})";

    static string NameOf(SessionModerator moderator) =>
        moderator.Organisation is { } organisation ? $"{Escape(moderator.Name)} ({Escape(organisation)})" : Escape(moderator.Name);
}
