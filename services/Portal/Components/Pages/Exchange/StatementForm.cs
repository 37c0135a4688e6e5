namespace Kommune20.Portal.Components.Pages.Exchange;

/// <summary>The text of a statement as a panelist posts it; each of the page's forms (a question's answer, the preface, a note) posts this field.</summary>
public sealed class StatementForm
{
    /// <summary>The name the inputs carry, after the page's parameter that the posted form is mapped to.</summary>
    public const string TextField = "Entwurf.Text";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["text"] = "Statement", ["questionId"] = "Leitfrage", ["kind"] = "Art des Statements",
    };

    public string? Text { get; set; }
}
