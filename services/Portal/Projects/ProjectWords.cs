using Kommune20.Contracts.Projects;
using Kommune20.WebUi;

namespace Kommune20.Portal.Projects;

/// <summary>The projects' phases, kinds of measurement and audiences in German, and their names in the Projects API.</summary>
public static class ProjectWords
{
    public static readonly IReadOnlyList<ProjectPhase> Phases = Enum.GetValues<ProjectPhase>();

    public static string Phase(ProjectPhase phase) => phase switch
    {
        ProjectPhase.Proposed => "vorgeschlagen",
        ProjectPhase.Approved => "genehmigt",
        ProjectPhase.Running => "läuft",
        ProjectPhase.Evaluating => "in Auswertung",
        ProjectPhase.Completed => "abgeschlossen",
        ProjectPhase.Stopped => "abgebrochen",
        _ => phase.ToString(),
    };

    /// <summary>The phase as the API's query and body name it ("running").</summary>
    public static string ApiName(ProjectPhase phase) => phase.ToString().ToLowerInvariant();

    /// <summary>What moving into a phase is called on the lead city's button.</summary>
    public static string MoveTo(ProjectPhase phase) => phase switch
    {
        ProjectPhase.Proposed => "zurück zum Vorschlag",
        ProjectPhase.Approved => "genehmigen",
        ProjectPhase.Running => "starten",
        ProjectPhase.Evaluating => "auswerten",
        ProjectPhase.Completed => "abschließen",
        ProjectPhase.Stopped => "abbrechen",
        _ => phase.ToString(),
    };

    public static string Kind(MeasurementKind kind) => kind == MeasurementKind.Survey ? "Befragung" : "Veranstaltung";

    public static string Audience(AudienceGroup group) => group switch
    {
        AudienceGroup.Staff => "Verwaltung",
        AudienceGroup.Council => "Gemeinderat",
        AudienceGroup.Citizens => "Bürgerschaft",
        _ => group.ToString(),
    };

    public static string Audiences(IEnumerable<AudienceGroup> groups) => string.Join(", ", groups.Select(Audience));

    public static string Source(UpdateSource source) => source == UpdateSource.Node ? "vom Knoten der Stadt" : "im Portal";

    /// <summary>A step of the history in words: the phase it moved to, or the extension with its old and new end.</summary>
    public static string Step(PhaseChange change) => change switch
    {
        { NewEnd: { } newEnd } => $"verlängert bis {German.Date(newEnd)} (bisher {German.Date(change.PreviousEnd)})",
        { From: var from, To: var to } when from == to => $"{Phase(to)}",
        _ => $"{Phase(change.From)} → {Phase(change.To)}",
    };
}
