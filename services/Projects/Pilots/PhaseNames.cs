using Kommune20.Contracts.Projects;

namespace Kommune20.Projects.Pilots;

/// <summary>The phases' German names, as the API's messages and the portal say them.</summary>
public static class PhaseNames
{
    public static string Of(ProjectPhase phase) => phase switch
    {
        ProjectPhase.Proposed => "vorgeschlagen",
        ProjectPhase.Approved => "bewilligt",
        ProjectPhase.Running => "laufend",
        ProjectPhase.Evaluating => "in Auswertung",
        ProjectPhase.Completed => "abgeschlossen",
        ProjectPhase.Stopped => "abgebrochen",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
