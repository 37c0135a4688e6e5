using Kommune20.Contracts.Federation;

namespace Kommune20.Projects.Pilots;

/// <summary>What a proposal, a milestone and an extension must say; each message under the field it is about.</summary>
public static class ProjectRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxParticipants = 50;
    public const int MaxPartners = 20;

    public static Dictionary<string, string[]> Validate(ProposalInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (RecordRules.ProjectKeyProblem(input.Key) is { } keyProblem)
            errors["key"] = [keyProblem];
        Required(errors, "title", input.Title, MaxTitleLength, "Der Titel");
        Required(errors, "fieldOfAction", input.FieldOfAction, MaxTitleLength, "Das Handlungsfeld");
        Required(errors, "goal", input.Goal, MaxTextLength, "Das Ziel");
        Required(errors, "hypothesis", input.Hypothesis, MaxTextLength, "Die Hypothese");
        if (input.StartsOn is null)
            errors["startsOn"] = ["Der Beginn fehlt."];
        if (input.EndsOn is null)
            errors["endsOn"] = ["Ein Reallabor ist befristet: das Ende fehlt."];
        else if (input.StartsOn is { } start && input.EndsOn <= start)
            errors["endsOn"] = ["Das Ende liegt nach dem Beginn."];
        if (input.BudgetEuros is < 0)
            errors["budgetEuros"] = ["Das Budget ist nicht negativ."];
        if (input.FundingProgramme is { Length: > MaxTitleLength })
            errors["fundingProgramme"] = [$"Das Förderprogramm hat höchstens {MaxTitleLength} Zeichen."];
        if (input.ParticipantIds is { Count: > MaxParticipants })
            errors["participantIds"] = [$"Höchstens {MaxParticipants} Mitglieder nehmen teil."];
        var partners = input.Partners ?? [];
        if (partners.Count > MaxPartners)
            errors["partners"] = [$"Höchstens {MaxPartners} Partner."];
        for (var i = 0; i < Math.Min(partners.Count, MaxPartners); i++)
        {
            Required(errors, $"partners[{i}].name", partners[i].Name, MaxTitleLength, "Der Name des Partners");
            Required(errors, $"partners[{i}].role", partners[i].Role, MaxTitleLength, "Die Rolle des Partners");
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(MilestoneInput input)
    {
        var errors = new Dictionary<string, string[]>();
        Required(errors, "title", input.Title, MaxTitleLength, "Der Meilenstein");
        if (input.DueOn is null)
            errors["dueOn"] = ["Das Fälligkeitsdatum fehlt."];
        return errors;
    }

    public static void Required(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = [$"{what} fehlt."];
        else if (value.Trim().Length > maxLength)
            errors[field] = [$"{what} hat höchstens {maxLength} Zeichen."];
    }
}
