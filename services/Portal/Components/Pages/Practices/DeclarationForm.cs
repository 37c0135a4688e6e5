using Kommune20.Contracts.Library;
using Kommune20.Portal.Library;

namespace Kommune20.Portal.Components.Pages.Practices;

/// <summary>An adoption declaration as the form posts it: stage, since, what changed, and one optional figure.</summary>
public sealed class DeclarationForm
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["stage"] = "Stand", ["since"] = "Seit", ["changes"] = "Was Sie anders machen",
        ["outcomes[0].value"] = "Wert", ["outcomes[0].label"] = "Was gezählt wurde", ["practiceId"] = "Praxisbeispiel",
    };

    public AdoptionStage Stage { get; set; } = AdoptionStage.Adopted;
    public DateOnly? Since { get; set; }
    public string? Changes { get; set; }
    public decimal? OutcomeValue { get; set; }
    public string? OutcomeLabel { get; set; }

    public DeclareAdoption ToDeclaration() => new(Stage, string.IsNullOrWhiteSpace(Changes) ? null : Changes.Trim(), Since,
        OutcomeValue is null && string.IsNullOrWhiteSpace(OutcomeLabel) ? [] : [new OutcomeInput(OutcomeValue, OutcomeLabel)]);
}
