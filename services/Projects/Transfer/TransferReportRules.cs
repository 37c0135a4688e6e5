using Kommune20.Contracts.Projects;
using Kommune20.Projects.Pilots;

namespace Kommune20.Projects.Transfer;

/// <summary>
/// When a practice naming a project is that project's transfer report: the lead city wrote it, from its own node, once the
/// project is evaluated or done. A report written while the project still runs would report on results not yet measured;
/// the city publishes a new version once evaluation began. Any other practice naming the project stays an ordinary practice.
/// </summary>
public static class TransferReportRules
{
    public static string? Refusal(PilotProject? project, Guid originMemberId, string projectKey) => project switch
    {
        null => $"Ein Projekt mit dem Schlüssel „{projectKey}“ gibt es am Hub nicht.",
        _ when project.LeadMemberId != originMemberId => $"Den Transferbericht zu „{project.Title}“ veröffentlicht die leitende Stadt.",
        { Phase: not (ProjectPhase.Evaluating or ProjectPhase.Completed) } =>
            $"„{project.Title}“ wird noch nicht ausgewertet: ein Transferbericht zählt erst in der Auswertung oder nach dem Abschluss.",
        _ => null,
    };
}
