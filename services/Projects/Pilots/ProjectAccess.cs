using System.Security.Claims;
using Kommune20.Contracts.Projects;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Projects.Pilots;

/// <summary>
/// Who may do what with a project: the lead city's editors run it (phases, extension, milestones, acceptance); the office
/// approves proposals and may stop a project; participating cities' editors and the partners' people post updates.
/// </summary>
public static class ProjectAccess
{
    public static bool IsLeadEditor(this PilotProject project, ClaimsPrincipal user) =>
        user.IsInRole(Roles.CityEditor) && user.GetMemberId() == project.LeadMemberId;

    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(Roles.Office);

    /// <summary>A person of a participating member (its editors) or of a partner institution of this project.</summary>
    public static bool MayPost(this PilotProject project, ClaimsPrincipal user) =>
        user.PersonId() is not null && user.GetMemberId() is { } member
        && ((user.IsInRole(Roles.CityEditor) && project.TakesPart(member)) || (user.IsInRole(Roles.PartnerContact) && project.IsPartner(member)));

    /// <summary>The lead city moves its project; approving is the office's, stopping the lead's or the office's.</summary>
    public static bool MayMove(this PilotProject project, ClaimsPrincipal user, ProjectPhase to) => to switch
    {
        ProjectPhase.Approved => IsOffice(user),
        ProjectPhase.Stopped => IsOffice(user) || project.IsLeadEditor(user),
        _ => project.IsLeadEditor(user),
    };

    public static ProblemHttpResult NotLead() => Refusals.Forbidden("Nur die federführende Stadt.",
        "Phasen, Laufzeit, Meilensteine und Akzeptanzmessungen pflegen die Redakteurinnen und Redakteure der federführenden Stadt.");

    public static ProblemHttpResult MayNotMove(ProjectPhase to) => to == ProjectPhase.Approved
        ? Refusals.Forbidden("Bewilligen darf die Geschäftsstelle.", "Ein Vorschlag wird von der Geschäftsstelle des Vereins bewilligt.")
        : NotLead();

    public static ProblemHttpResult MayNotPost() => Refusals.Forbidden("Sie wirken an diesem Projekt nicht mit.",
        "Neuigkeiten schreiben die teilnehmenden Städte und die Partner dieses Projekts; Partner eines anderen Projekts nicht.");
}
