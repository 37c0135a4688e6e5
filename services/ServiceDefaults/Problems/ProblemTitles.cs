using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Kommune20.ServiceDefaults.Problems;

/// <summary>
/// German titles for problems that carry none of their own: a service's validation problem, a bare status, or a body
/// a page could not read. People read these titles in the portal's and the nodes' forms.
/// </summary>
public static class ProblemTitles
{
    const string FrameworkValidationTitle = "One or more validation errors occurred.";
    const string FrameworkServerErrorTitle = "An error occurred while processing your request.";

    public static string For(int status) => status switch
    {
        400 => "Die Angaben sind ungültig.",
        401 => "Bitte melden Sie sich an.",
        403 => "Dafür fehlt Ihnen die Berechtigung.",
        404 => "Nicht gefunden.",
        409 => "Der Eintrag wurde inzwischen geändert.",
        413 => "Die Anfrage ist zu groß.",
        429 => "Zu viele Anfragen – bitte gleich noch einmal versuchen.",
        >= 500 => "Der Dienst ist gerade nicht erreichbar. Bitte später noch einmal versuchen.",
        _ => "Die Anfrage ist fehlgeschlagen.",
    };

    /// <summary>Replaces the framework's English default title (set when a service gave none) by the German one.</summary>
    internal static void Germanize(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Title is null or FrameworkValidationTitle or FrameworkServerErrorTitle || problem.Title == ReasonPhrases.GetReasonPhrase(status))
            problem.Title = For(status);
    }
}
