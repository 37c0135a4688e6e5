using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Documents;
using Kommune20.Meetings.Practices;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kommune20.Meetings.Exchange;

/// <summary>The checks on what moderators and panelists enter; errors keyed by the JSON field.</summary>
public static class ExchangeRules
{
    public const int MaxTitleLength = 200;
    public const int MaxNameLength = 200;
    public const int MaxOrganisationLength = 300;
    public const int MaxQuestionLength = 500;
    public const int MaxThemeLength = 8000;
    public const int MaxStatementLength = 20_000;
    public const int MaxQuestions = 30;
    public const int MaxPanelists = 40;
    public const int MaxModerators = 10;
    public const int MaxGeneralStatements = 10;
    public const int MaxPracticeLinks = 5;

    public static Dictionary<string, string[]> Validate(SessionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        RequireText(input.Title, "title", "Der Titel", MaxTitleLength, Fail);
        if (input.Theme is { Length: > MaxThemeLength })
            Fail("theme", $"Die Einführung darf höchstens {MaxThemeLength} Zeichen lang sein.");
        if (input.StartsAt is null)
            Fail("startsAt", "Der Beginn fehlt (z. B. 2027-03-19T13:30:00+01:00).");
        if (input.EndsAt is null)
            Fail("endsAt", "Das Ende fehlt (z. B. 2027-03-19T15:00:00+01:00).");
        else if (input.StartsAt is { } start && input.EndsAt <= start)
            Fail("endsAt", "Das Ende muss nach dem Beginn liegen.");
        else if (input.StartsAt is { } from && input.EndsAt - from > TimeSpan.FromDays(1))
            Fail("endsAt", "Ein Erfahrungsaustausch dauert höchstens einen Tag.");
        if (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineUrl))
            Fail("place", "Bitte einen Ort oder einen Online-Zugang angeben.");
        if (input.Place is { Length: > MaxTitleLength })
            Fail("place", $"Der Ort darf höchstens {MaxTitleLength} Zeichen lang sein.");
        if (!string.IsNullOrWhiteSpace(input.OnlineUrl) && AssemblyRules.WebAddress(input.OnlineUrl) is null)
            Fail("onlineUrl", "Der Online-Zugang muss eine vollständige Adresse sein, z. B. https://meet.example.org/austausch.");
        if (input.AgendaItemId is not null && input.AssemblyId is null)
            Fail("assemblyId", "Ein Tagesordnungspunkt gehört zu einer Versammlung; bitte auch die Versammlung angeben.");
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ModeratorInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (input.PersonId is null || input.PersonId == Guid.Empty)
            Fail("personId", "Die Person (ihre Kennung im Mitgliederverzeichnis) fehlt.");
        RequireText(input.Name, "name", "Der Name", MaxNameLength, Fail);
        if (input.Organisation is { Length: > MaxOrganisationLength })
            Fail("organisation", $"Die Organisation darf höchstens {MaxOrganisationLength} Zeichen lang sein.");
        return errors;
    }

    /// <summary>A panelist for <paramref name="session"/>; <paramref name="panelistId"/> when an existing one is changed.</summary>
    public static Dictionary<string, string[]> Validate(PanelistInput input, ExchangeSession session, Guid? panelistId)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (input.PersonId is null || input.PersonId == Guid.Empty)
            Fail("personId", "Die Person (ihre Kennung im Mitgliederverzeichnis) fehlt.");
        else if (session.Panelists.Any(p => p.PersonId == input.PersonId && p.Id != panelistId))
            Fail("personId", "Diese Person sitzt bereits auf dem Podium dieses Erfahrungsaustauschs.");
        RequireText(input.Name, "name", "Der Name", MaxNameLength, Fail);
        RequireText(input.Organisation, "organisation", "Die Organisation, für die die Person spricht,", MaxOrganisationLength, Fail);
        var questions = input.Questions ?? [];
        if (questions.Count > MaxQuestions)
            Fail("questions", $"Höchstens {MaxQuestions} Leitfragen je Person.");
        var seen = new HashSet<Guid>();
        for (var i = 0; i < questions.Count && i < MaxQuestions; i++)
        {
            var question = session.Questions.FirstOrDefault(q => q.Id == questions[i]?.QuestionId);
            if (question is null)
                Fail($"questions[{i}].questionId", "Dieser Erfahrungsaustausch hat keine Leitfrage mit dieser Kennung.");
            else if (question.PanelistId is { } owner && owner != panelistId)
                Fail($"questions[{i}].questionId", "Das ist die eigene Frage einer anderen Person auf dem Podium.");
            else if (!seen.Add(question.Id))
                Fail($"questions[{i}].questionId", "Diese Leitfrage ist doppelt genannt.");
            if (questions[i]?.Wording is { } wording && (string.IsNullOrWhiteSpace(wording) || wording.Trim().Length > MaxQuestionLength))
                Fail($"questions[{i}].wording", $"Der eigene Wortlaut ist leer oder länger als {MaxQuestionLength} Zeichen.");
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(QuestionInput input, ExchangeSession session)
    {
        var errors = new Dictionary<string, string[]>();
        RequireText(input.Text, "text", "Die Frage", MaxQuestionLength, (field, message) => errors.TryAdd(field, [message]));
        if (session.Questions.Count >= MaxQuestions)
            errors.TryAdd("text", [$"Ein Erfahrungsaustausch hat höchstens {MaxQuestions} Leitfragen."]);
        return errors;
    }

    /// <summary>A new statement of <paramref name="panelist"/>: an answer only to a question put to them, the text as <see cref="TextProblem"/> checks it.</summary>
    public static Dictionary<string, string[]> Validate(StatementInput input, Panelist panelist)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        switch (input.Kind)
        {
            case null:
                Fail("kind", "Bitte die Art angeben: \"answer\" (Antwort auf eine Leitfrage), \"preface\" (Vorbemerkung) oder \"general\" (Statement ohne Leitfrage).");
                break;
            case StatementKind.Answer when input.QuestionId is null:
                Fail("questionId", "Eine Antwort nennt die Leitfrage, die sie beantwortet.");
                break;
            case StatementKind.Answer when panelist.Questions.All(q => q.QuestionId != input.QuestionId):
                Fail("questionId", "Diese Leitfrage ist Ihnen in diesem Erfahrungsaustausch nicht gestellt.");
                break;
            case StatementKind.Preface or StatementKind.General when input.QuestionId is not null:
                Fail("questionId", "Nur eine Antwort gehört zu einer Leitfrage; Vorbemerkung und allgemeines Statement nennen keine.");
                break;
        }
        if (TextProblem(input.Text) is { } problem)
            Fail("text", problem);
        return errors;
    }

    /// <summary>
    /// What is wrong with a statement's Markdown, or null: it is needed, not too long, sets no headings (the compiled
    /// document sets them: panelist, question), and links only to web or mail addresses.
    /// </summary>
    public static string? TextProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "Der Text fehlt.";
        if (text.Length > MaxStatementLength)
            return $"Ein Statement hat höchstens {MaxStatementLength} Zeichen.";
        var document = Markdown.Parse(text, DocumentHtml.Pipeline);
        if (document.Descendants<HeadingBlock>().Any())
            return "Überschriften setzt das zusammengestellte Dokument selbst (Person, Leitfrage); bitte im Statement keine verwenden (# … oder unterstrichene Zeilen).";
        if (document.Descendants<LinkInline>().FirstOrDefault(link => !IsWebOrMail(link.Url)) is { } bad)
            return $"Links führen auf Web- oder E-Mail-Adressen (https://…, mailto:…), nicht auf „{bad.Url}“.";
        return null;
    }

    /// <summary>
    /// Links to the practices <paramref name="ids"/> names: each one the library holds (<paramref name="known"/>), public and
    /// not withdrawn, none twice, at most <see cref="MaxPracticeLinks"/>; errors keyed <c>practiceIds[i]</c>.
    /// </summary>
    public static List<LinkedPractice> LinkPractices(IReadOnlyList<Guid> ids, IReadOnlyDictionary<Guid, LibraryPractice> known,
        Dictionary<string, string[]> errors)
    {
        var links = new List<LinkedPractice>();
        if (ids.Count > MaxPracticeLinks)
        {
            errors.TryAdd("practiceIds", [$"Höchstens {MaxPracticeLinks} Praxisbeispiele je Beitrag."]);
            return links;
        }
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.TryGetValue(ids[i], out var practice) || !practice.MayBeLinked)
                errors.TryAdd($"practiceIds[{i}]", ["Die Bibliothek hat kein öffentliches Praxisbeispiel mit dieser Kennung."]);
            else if (links.Any(link => link.Id == practice.Id))
                errors.TryAdd($"practiceIds[{i}]", ["Dieses Praxisbeispiel ist doppelt genannt."]);
            else
                links.Add(new LinkedPractice(practice.Id, practice.Title!));
        }
        return links;
    }

    static bool IsWebOrMail(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" or "mailto";

    static void RequireText(string? text, string field, string label, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
            fail(field, $"{label} fehlt.");
        else if (text.Trim().Length > maxLength)
            fail(field, $"{label} darf höchstens {maxLength} Zeichen lang sein.");
    }
}
