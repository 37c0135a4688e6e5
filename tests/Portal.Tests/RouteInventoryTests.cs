using Kommune20.Testing;

namespace Kommune20.Portal.Tests;

/// <summary>
/// Every page of the portal needs a sign-in with a role unless it is listed here as public on purpose. The portal has no
/// API of its own (it calls the gateway's), so there is no OpenAPI document to check.
/// </summary>
public sealed class RouteInventoryTests
{
    // A page's POST is its own forms posting back (antiforgery); what a form changes, the gateway's API allows or refuses
    // with the signed-in person's token, so a public page's forms are public in name only.
    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: ready or not, nothing more",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the shared defaults' document route; the portal describes no API",
        ["GET /_framework/opaque-redirect"] = "Blazor's redirect after a form post",
        ["GET /{**path}"] = "the static files' fallback (styles, images)",
        ["HEAD /{**path}"] = "as GET",
        ["GET /anmelden"] = "the sign-in page itself",
        ["GET /fehler/{Status}"] = "the error pages",
        ["POST /fehler/{Status}"] = "the error page of a failed form post",
        ["GET /nicht-erlaubt"] = "the page that says a sign-in lacks the role",
        ["POST /nicht-erlaubt"] = "the same after a form post",
        ["GET /nicht-gefunden"] = "the not-found page",
        ["POST /nicht-gefunden"] = "the same after a form post",
        ["GET /"] = "the start page: the network at a glance",
        ["POST /"] = "its search form",
        ["GET /mitglieder"] = "the public member directory",
        ["POST /mitglieder"] = "its filter form",
        ["GET /mitglieder/{Id}"] = "a member's public page",
        ["POST /mitglieder/{Id}"] = "its forms (signed-in members only, checked by the API)",
        ["GET /netzwerk"] = "the public picture of the network of networks",
        ["POST /netzwerk"] = "its form",
        ["GET /praxisbeispiele"] = "the best-practice library, public like the library's API",
        ["POST /praxisbeispiele"] = "its search form",
        ["GET /praxisbeispiele/{Id}"] = "a public practice with its adoptions",
        ["POST /praxisbeispiele/{Id}"] = "declaring an adoption or interest: city editors only, checked by the library's API",
        ["GET /termine"] = "the network's public dates",
        ["POST /termine"] = "its form",
        ["GET /projekte"] = "the cities' pilot projects, public like the Projects API",
        ["POST /projekte"] = "its filter form",
        ["GET /projekte/{Key}"] = "a project with its phases, milestones, updates and acceptance figures, public like the Projects API",
        ["POST /projekte/{Key}"] = "the lead city's desk and participants' updates: checked with the person's token by the Projects API",
        ["GET /versammlungen"] = "the invited general assemblies, public like the Meetings API",
        ["POST /versammlungen"] = "its form",
        ["GET /versammlungen/{Id}"] = "an invited assembly with agenda, motions, results and final minutes",
        ["POST /versammlungen/{Id}"] = "filing a motion or naming oneself delegate: members' people only, checked by the Meetings API",
        ["GET /abonnements/bestaetigen"] = "the confirmation link of an e-mail digest (double opt-in) works without signing in: the token in the link is the proof",
        ["POST /abonnements/bestaetigen"] = "its button: confirms the link's subscription through the Notifications API, which answers 404 to any other token",
        ["GET /abbestellen"] = "the unsubscribe link of every digest e-mail works without signing in: the token in the link is the proof",
        ["POST /abbestellen"] = "its button: ends the link's subscription through the Notifications API, which answers 404 to any other token",
        ["GET /austausch"] = "the exchange sessions, public like the Meetings API",
        ["POST /austausch"] = "its form",
        ["GET /austausch/{Id}"] = "a session's theme, moderators, panel and guiding questions, public like the Meetings API",
        ["POST /austausch/{Id}"] = "its form",
        ["GET /austausch/{sessionId}/statements.{format}"] =
            "the compiled statements, passed on with the visitor's token: public once published, before that the Meetings API refuses all but moderators and panel",
        // The live room's page is the one interactive page; its circuit runs over Blazor's hub. The page itself needs a
        // sign-in, and whatever the circuit does, it does through the gateway with that person's token.
        ["ANY /_blazor"] = "the interactive page's circuit (only the signed-in live room page starts one)",
        ["ANY /_blazor/negotiate"] = "as /_blazor",
        ["ANY /_blazor/disconnect"] = "as /_blazor: a page ending its circuit",
        ["ANY /_blazor/initializers"] = "as /_blazor: the list of the script's initialisers (none)",
    };

    [Fact]
    public void Nothing_is_open_by_accident()
    {
        using var portal = new IsolatedService<Program>("portal");
        RouteInventory.AssertNothingOpenByAccident(portal.Services, OpenOnPurpose);
    }
}
