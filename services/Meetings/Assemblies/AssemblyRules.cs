namespace Kommune20.Meetings.Assemblies;

/// <summary>The checks on what the office enters for an assembly and its agenda; errors keyed by the JSON field.</summary>
public static class AssemblyRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 8000;
    public const int MaxDocuments = 20;
    public const int MaxAgendaItems = 60;

    public static Dictionary<string, string[]> Validate(AssemblyInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        RequireText(input.Title, "title", "Der Titel", MaxTitleLength, Fail);
        RequireText(input.Chair, "chair", "Die Versammlungsleitung", MaxTitleLength, Fail);
        RequireText(input.MinuteTaker, "minuteTaker", "Die Protokollführung", MaxTitleLength, Fail);
        if (input.StartsAt is null)
            Fail("startsAt", "Der Beginn fehlt (z. B. 2027-03-19T10:00:00+01:00).");
        if (input.EndsAt is null)
            Fail("endsAt", "Das Ende fehlt (z. B. 2027-03-19T16:00:00+01:00).");
        else if (input.StartsAt is { } start && input.EndsAt <= start)
            Fail("endsAt", "Das Ende muss nach dem Beginn liegen.");
        else if (input.StartsAt is { } from && input.EndsAt - from > TimeSpan.FromDays(3))
            Fail("endsAt", "Eine Versammlung dauert höchstens drei Tage.");
        if (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineUrl))
            Fail("place", "Bitte einen Ort oder einen Online-Zugang angeben.");
        if (input.Place is { Length: > MaxTitleLength })
            Fail("place", $"Der Ort darf höchstens {MaxTitleLength} Zeichen lang sein.");
        if (!string.IsNullOrWhiteSpace(input.OnlineUrl) && WebAddress(input.OnlineUrl) is null)
            Fail("onlineUrl", "Der Online-Zugang muss eine vollständige Adresse sein, z. B. https://meet.example.org/mv6.");
        return errors;
    }

    public static Dictionary<string, string[]> Validate(AgendaItemInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        RequireText(input.Title, "title", "Der Titel", MaxTitleLength, Fail);
        if (input.Description is { Length: > MaxTextLength })
            Fail("description", $"Die Beschreibung darf höchstens {MaxTextLength} Zeichen lang sein.");
        var documents = input.Documents ?? [];
        if (documents.Count > MaxDocuments)
            Fail("documents", $"Höchstens {MaxDocuments} Unterlagen je Tagesordnungspunkt.");
        for (var i = 0; i < documents.Count && i < MaxDocuments; i++)
        {
            if (string.IsNullOrWhiteSpace(documents[i]?.Title) || documents[i]!.Title!.Length > MaxTitleLength)
                Fail($"documents[{i}].title", $"Der Titel der Unterlage fehlt oder ist länger als {MaxTitleLength} Zeichen.");
            if (WebAddress(documents[i]?.Url) is null)
                Fail($"documents[{i}].url", "Die Unterlage braucht eine vollständige Adresse, z. B. https://kommune20.de/mv6/haushalt.pdf.");
        }
        return errors;
    }

    /// <summary>An absolute http or https address, or null.</summary>
    public static Uri? WebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    static void RequireText(string? text, string field, string label, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
            fail(field, $"{label} fehlt.");
        else if (text.Trim().Length > maxLength)
            fail(field, $"{label} darf höchstens {maxLength} Zeichen lang sein.");
    }
}
