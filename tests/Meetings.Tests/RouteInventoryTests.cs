using Kommune20.Testing;

namespace Kommune20.Meetings.Tests;

/// <summary>Every route of Meetings needs a policy unless it is listed here as open on purpose, and its API is documented.</summary>
public sealed class RouteInventoryTests
{
    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the database, the broker and the live room's Redis (when configured) answer",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the API's public description",
        ["GET /api/meetings/assemblies"] = "the invited assemblies (drafts only for the office)",
        ["GET /api/meetings/assemblies/{assemblyId}"] = "one of them",
        ["GET /api/meetings/votes/{voteId}"] = "a vote of an invited assembly and, once closed, its result",
        ["GET /api/meetings/votes/{voteId}/receipts"] = "a closed secret ballot's receipts, for voters to find theirs",
        ["GET /api/meetings/assemblies/{assemblyId}/minutes"] = "an invited assembly's minutes, public once final",
        ["GET /api/meetings/assemblies/{assemblyId}/minutes.md"] = "the same as Markdown",
        ["GET /api/meetings/assemblies/{assemblyId}/minutes.html"] = "the same as HTML",
        ["GET /api/meetings/assemblies/{assemblyId}/minutes.pdf"] = "the same as PDF",
        ["GET /api/meetings/assemblies/{assemblyId}/invitation.ics"] = "an invited assembly as a calendar file, for anyone's calendar",
        ["GET /api/meetings/events"] = "the upcoming dates (invited assemblies, cities' public events) for /termine; network-only ones need a sign-in",
        ["GET /feeds/events.ics"] = "the network calendar: calendar clients subscribe without signing in, and it holds only public dates",
        ["GET /feeds/members/{memberId}/events.ics"] = "one member's calendar, public like the network's (invited assemblies, its own public events)",
        ["GET /api/meetings/exchange-sessions"] = "the exchange sessions: title, time, place (the network calendar's)",
        ["GET /api/meetings/exchange-sessions/{sessionId}"] = "one of them with its moderators, panel and guiding questions (person ids only to its moderators)",
        ["GET /api/meetings/exchange-sessions/{sessionId}/statements"] = "the statements, to everyone once published (before: the session's moderators and panel, 403 otherwise)",
        ["GET /api/meetings/exchange-sessions/{sessionId}/statements.md"] = "the compiled statements as Markdown, readable like the statements",
        ["GET /api/meetings/exchange-sessions/{sessionId}/statements.html"] = "the same as HTML",
        ["GET /api/meetings/exchange-sessions/{sessionId}/statements.pdf"] = "the same as PDF",
        ["POST /api/meetings/guest-passes"] = "a guest redeems the moderators' join code for a pass to that session's live room; rate-limited per address",
        ["GET /oparl/v1.1"] = "OParl 1.1: the System, public by design",
        ["GET /oparl/v1.1/bodies"] = "OParl: the association as a body",
        ["GET /oparl/v1.1/bodies/kommune20"] = "OParl: the body",
        ["GET /oparl/v1.1/bodies/kommune20/{kind}"] = "OParl: the body's lists of invited assemblies, their agendas, motions and final minutes",
        ["GET /oparl/v1.1/{kind}/{key}"] = "OParl: each object of those lists",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var meetings = new IsolatedService<Program>("meetings");
        using var http = meetings.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(meetings.Services, http, OpenOnPurpose);
    }
}
