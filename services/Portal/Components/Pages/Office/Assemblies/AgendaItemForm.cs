using Kommune20.Portal.Meetings;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Components.Pages.Office.Assemblies;

/// <summary>
/// An agenda item as the office enters it: title, description, one document, and either a motion filed by a member or a
/// new motion of the office's, which is filed first and then put under the item.
/// </summary>
public sealed class AgendaItemForm
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "Titel", ["description"] = "Beschreibung", ["documentTitle"] = "Unterlage: Titel", ["documentUrl"] = "Unterlage: Adresse",
        ["motionId"] = "Eingereichter Antrag", ["motionTitle"] = "Titel des Antrags", ["motionText"] = "Antragstext", ["motionKind"] = "Art des Antrags",
    };

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? DocumentTitle { get; set; }
    public string? DocumentUrl { get; set; }
    public Guid? MotionId { get; set; }
    public string? MotionTitle { get; set; }
    public string? MotionText { get; set; }
    public DecisionKind MotionKind { get; set; } = DecisionKind.Resolution;

    /// <summary>Whether the office files a motion of its own with the item.</summary>
    public bool HasNewMotion => !string.IsNullOrWhiteSpace(MotionTitle) || !string.IsNullOrWhiteSpace(MotionText);

    public MotionInput ToMotion() => new(MotionTitle, MotionText, MotionKind);

    public AgendaItemInput ToInput(Guid? motionId) => new(Title, string.IsNullOrWhiteSpace(Description) ? null : Description,
        string.IsNullOrWhiteSpace(DocumentTitle) && string.IsNullOrWhiteSpace(DocumentUrl) ? [] : [new DocumentInput(DocumentTitle, DocumentUrl)],
        motionId);

    /// <summary>
    /// A refusal of the motion or of the item, its fields renamed to this form's ("text" of the motion is "motionText",
    /// "documents[0].url" is "documentUrl"), so each message lands beside the field it is about.
    /// </summary>
    public static ApiProblem Fields(ApiProblem problem, bool ofMotion) => problem with
    {
        Errors = problem.Errors.GroupBy(error => FieldOf(error.Key, ofMotion))
            .ToDictionary(field => field.Key, field => field.SelectMany(error => error.Value).ToArray()),
    };

    static string FieldOf(string field, bool ofMotion) => (ofMotion, field) switch
    {
        (true, "title") => "motionTitle",
        (true, "text") => "motionText",
        (true, "kind") => "motionKind",
        (false, "documents[0].title") => "documentTitle",
        (false, "documents[0].url") => "documentUrl",
        (false, "documents") => "documentUrl",
        _ => field,
    };
}
