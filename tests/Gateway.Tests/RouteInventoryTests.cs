using Kommune20.Testing;

namespace Kommune20.Gateway.Tests;

/// <summary>
/// Every route of the gateway needs a policy unless it is listed here as open on purpose. The proxied reads are open at
/// the gateway; the services behind check again (their own inventory tests).
/// </summary>
public sealed class RouteInventoryTests
{
    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the services answer",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the gateway's own API description",
        ["GET /api/docs/{documentName}"] = "the API reference page (Scalar)",
        ["GET /api/docs/favicon.svg"] = "the API reference page's icon",
        ["GET /api/docs/scalar.aspnetcore.js"] = "the API reference page's script",
        ["GET /api/docs/scalar.js"] = "the API reference page's script",
        ["GET /api/registry/{**catch-all}"] = "reads of the register; the Registry guards people and clients itself",
        ["HEAD /api/registry/{**catch-all}"] = "as GET",
        ["ANY /connect/{**catch-all}"] = "OpenIddict's endpoints authenticate the client themselves",
        ["ANY /.well-known/{**catch-all}"] = "the issuer's metadata and keys",
        ["ANY /account/{**catch-all}"] = "the sign-in page",
        ["GET /openapi/registry.json"] = "the Registry's API description",
        ["HEAD /openapi/registry.json"] = "as GET",
        ["GET /api/federation/{**catch-all}"] = "reads of public replicas; Federation guards its state itself",
        ["HEAD /api/federation/{**catch-all}"] = "as GET",
        ["GET /openapi/federation.json"] = "Federation's API description",
        ["HEAD /openapi/federation.json"] = "as GET",
        ["GET /api/library/{**catch-all}"] = "searching and reading public practices; the library guards the office's reads itself",
        ["HEAD /api/library/{**catch-all}"] = "as GET",
        ["GET /openapi/library.json"] = "the library's API description",
        ["HEAD /openapi/library.json"] = "as GET",
        ["GET /api/meetings/{**catch-all}"] = "published assemblies, votes and receipts; Meetings guards drafts, delegates and proxies itself",
        ["HEAD /api/meetings/{**catch-all}"] = "as GET",
        ["GET /oparl/{**catch-all}"] = "the invited assemblies as OParl 1.1, public by design; Meetings shows no drafts there",
        ["HEAD /oparl/{**catch-all}"] = "as GET",
        ["GET /feeds/events.ics"] = "the network calendar for calendar clients, which subscribe without signing in; only public dates",
        ["HEAD /feeds/events.ics"] = "as GET",
        ["GET /feeds/members/{memberId}/events.ics"] = "one member's calendar, public like the network's; the other /feeds/* paths are Notifications'",
        ["HEAD /feeds/members/{memberId}/events.ics"] = "as GET",
        ["GET /feeds/{**catch-all}"] = "Notifications' Atom feeds for feed readers, which subscribe without signing in; only public notices (the calendars above are the more specific routes, Meetings')",
        ["HEAD /feeds/{**catch-all}"] = "as GET",
        ["POST /api/meetings/guest-passes"] = "a guest redeems the moderators' join code without signing in; Meetings limits it per address",
        ["POST /api/meetings/exchange-sessions/{sessionId}/audience-questions"] = "asking in the live room, also for guests, whose pass only Meetings knows; Meetings checks a person's token or a guest's pass",
        ["POST /api/meetings/exchange-sessions/{sessionId}/audience-questions/{questionId}/votes"] = "upvoting in the live room, likewise for guests; Meetings checks the token or pass",
        ["ANY /hubs/meetings/{**catch-all}"] = "the exchange sessions' live room (SignalR, WebSockets): a browser's socket carries its token in the query string, which only Meetings reads; it refuses a connection without one",
        ["GET /openapi/meetings.json"] = "the Meetings service's API description",
        ["HEAD /openapi/meetings.json"] = "as GET",
        ["GET /api/projects/{**catch-all}"] = "the network's pilot projects, their updates and open-data catalogue, public by design; quarantined updates are never listed",
        ["HEAD /api/projects/{**catch-all}"] = "as GET",
        ["GET /openapi/projects.json"] = "the Projects service's API description",
        ["HEAD /openapi/projects.json"] = "as GET",
        ["POST /api/notifications/email/{**catch-all}"] = "an e-mail's links to confirm or end a digest subscription work without signing in (double opt-in, unsubscribe, RFC 8058 one-click); the random token in the link is the proof and Notifications answers 404 to any other",
        ["GET /openapi/notifications.json"] = "the Notifications service's API description",
        ["HEAD /openapi/notifications.json"] = "as GET",
        ["ANY /{**catch-all}"] = "the portal's pages; the portal guards the office's and editors' pages itself",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var http = hub.Anonymous();

        await RouteInventory.AssertNothingOpenByAccidentAsync(hub.Gateway.Services, http, OpenOnPurpose);
    }
}
