using Kommune20.Projects.Pilots;

namespace Kommune20.Projects.Acceptance;

/// <summary>
/// What a measurement must say to be a figure and not a guess: whom it reached, how many answered, and per question how many
/// approved of those who answered it (never more than answered, never more answering than responded).
/// </summary>
public static class MeasurementRules
{
    public const int MaxQuestions = 20;
    public const int MaxRespondents = 1_000_000;

    public static IReadOnlyDictionary<string, MeasurementKind> Kinds { get; } =
        new Dictionary<string, MeasurementKind> { ["survey"] = MeasurementKind.Survey, ["event"] = MeasurementKind.Event };

    public static IReadOnlyDictionary<string, AudienceGroup> Groups { get; } = new Dictionary<string, AudienceGroup>
    {
        ["staff"] = AudienceGroup.Staff, ["council"] = AudienceGroup.Council, ["citizens"] = AudienceGroup.Citizens,
    };

    public static Dictionary<string, string[]> Validate(MeasurementInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        ProjectRules.Required(errors, "title", input.Title, ProjectRules.MaxTitleLength, "Der Titel der Befragung oder Veranstaltung");
        if (input.Kind is null || !Kinds.ContainsKey(input.Kind))
            errors["kind"] = ["Die Art ist „survey“ (Befragung) oder „event“ (Veranstaltung)."];
        if (input.HeldOn is null)
            errors["heldOn"] = ["Das Datum fehlt."];
        else if (input.HeldOn > today)
            errors["heldOn"] = ["Gemessen wird, was stattgefunden hat: das Datum liegt nicht in der Zukunft."];
        var groups = input.AudienceGroups ?? [];
        if (groups.Count == 0 || groups.Any(g => !Groups.ContainsKey(g)))
            errors["audienceGroups"] = ["Zielgruppen sind „staff“ (Verwaltung), „council“ (Gemeinderat) und „citizens“ (Bürgerschaft); mindestens eine."];
        if (input.Respondents is not (>= 1 and <= MaxRespondents))
            errors["respondents"] = [$"Die Zahl der Antwortenden liegt zwischen 1 und {MaxRespondents:N0}."];
        var questions = input.Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions)
            errors["questions"] = [$"Eine Messung hat 1 bis {MaxQuestions} Fragen."];
        for (var i = 0; i < Math.Min(questions.Count, MaxQuestions); i++)
        {
            var question = questions[i];
            ProjectRules.Required(errors, $"questions[{i}].question", question.Question, ProjectRules.MaxTitleLength, "Die Frage");
            if (question.Answered is not { } answered || answered < 0 || answered > (input.Respondents ?? 0))
                errors[$"questions[{i}].answered"] = ["So viele antworten, wie befragt wurden, höchstens."];
            else if (question.Approving is not { } approving || approving < 0 || approving > answered)
                errors[$"questions[{i}].approving"] = ["Zustimmen können höchstens so viele, wie geantwortet haben."];
        }
        return errors;
    }
}
