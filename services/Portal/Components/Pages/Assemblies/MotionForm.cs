using Kommune20.Portal.Meetings;

namespace Kommune20.Portal.Components.Pages.Assemblies;

/// <summary>A motion as a member's person or the office files it: title, text and what it decides.</summary>
public sealed class MotionForm
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "Titel des Antrags", ["text"] = "Antragstext", ["kind"] = "Art des Antrags",
    };

    public static readonly IReadOnlyList<DecisionKind> Kinds = Enum.GetValues<DecisionKind>();

    public string? Title { get; set; }
    public string? Text { get; set; }
    public DecisionKind Kind { get; set; } = DecisionKind.Resolution;

    public MotionInput ToInput() => new(Title, Text, Kind);
}
