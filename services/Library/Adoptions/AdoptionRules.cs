using Kommune20.Library.Practices;

namespace Kommune20.Library.Adoptions;

/// <summary>Who may declare, confirm and record what about a practice's adoptions; errors keyed by the JSON field.</summary>
public static class AdoptionRules
{
    public const int MaxTextLength = 4000;
    public const int MaxLabelLength = 200;
    public const int MaxOutcomes = 20;

    public static Dictionary<string, string[]> Validate(DeclareAdoption input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (input.Stage is null)
            Fail("stage", "Bitte angeben, ob die Praxis übernommen (adopted) oder angepasst wird (adapting).");
        if (input.Changes is { Length: > MaxTextLength })
            Fail("changes", $"Die Beschreibung der Änderungen darf höchstens {MaxTextLength} Zeichen lang sein.");
        if (input.Since is { } since && since > today)
            Fail("since", "Das Datum darf nicht in der Zukunft liegen.");

        var outcomes = input.Outcomes ?? [];
        if (outcomes.Count > MaxOutcomes)
            Fail("outcomes", $"Höchstens {MaxOutcomes} Ergebnisse.");
        for (var i = 0; i < outcomes.Count && i < MaxOutcomes; i++)
        {
            var outcome = outcomes[i];
            if (outcome is null)
            {
                Fail($"outcomes[{i}]", "Das Ergebnis fehlt.");
                continue;
            }
            if (outcome.Value is null or < 0)
                Fail($"outcomes[{i}].value", "Die Zahl fehlt oder ist negativ (z. B. 7).");
            if (string.IsNullOrWhiteSpace(outcome.Label) || outcome.Label.Trim().Length > MaxLabelLength)
                Fail($"outcomes[{i}].label", $"Die Bezeichnung fehlt oder ist länger als {MaxLabelLength} Zeichen (z. B. \"Digitallotsen ausgebildet\").");
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordInterest input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Statement) || input.Statement.Length > MaxTextLength)
            errors["statement"] = [$"Die Aussage fehlt oder ist länger als {MaxTextLength} Zeichen."];
        if (input.Source is { Length: > MaxLabelLength })
            errors["source"] = [$"Die Quelle darf höchstens {MaxLabelLength} Zeichen lang sein."];
        return errors;
    }

    /// <summary>A member adopts other members' practices, never its own.</summary>
    public static bool MayAdopt(Practice practice, Guid member) => practice.OriginMemberId != member;

    /// <summary>Only the member whose practice it is confirms an adoption of it; the adopter's word alone never verifies it.</summary>
    public static bool MayConfirm(Adoption adoption, Guid? member) => member is { } id && id == adoption.OriginMemberId;
}
