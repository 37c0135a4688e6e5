using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Guests;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// Guests with a join code in the live room, Meetings in-process: the moderators open the room to guests and close it
/// again; a guest redeems the code (rate-limited per address) and takes part in that room only, over REST and SignalR;
/// everywhere else a guest's pass gets a 403 problem saying so.
/// </summary>
public sealed class GuestAccessTests(MeetingsWithTestTokens meetings) : IClassFixture<MeetingsWithTestTokens>
{
    const string Sessions = "/api/meetings/exchange-sessions";
    const string Redemption = "/api/meetings/guest-passes";
    const string GuestsOnlyInTheRoom = "Ein Gastzugang gilt nur für den Live-Raum.";
    readonly Guid _iese = Guid.NewGuid(), _heidelberg = Guid.NewGuid();

    HttpClient Iese() => meetings.As(_iese, "Ivan Acimovic", Roles.Moderator, Roles.PartnerContact);
    HttpClient Heidelberg() => meetings.As(_heidelberg, "Svenja Baumgärtner", Roles.CityEditor, Roles.Delegate);

    /// <summary>An anonymous caller at <paramref name="address"/>: each test redeems from addresses of its own, as the limit counts per address.</summary>
    HttpClient From(string address)
    {
        var server = meetings.Service.Server;
        return new HttpClient(server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address))) { BaseAddress = server.BaseAddress };
    }

    HttpClient Guest(GuestPassDto pass)
    {
        var http = meetings.Service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pass.Token);
        return http;
    }

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? title = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (title is not null)
            Assert.Equal(title, problem.GetProperty("title").GetString());
        return problem;
    }

    async Task<(SessionDetail Session, QuestionDto Question)> SessionAsync(HttpClient moderator, string title)
    {
        var session = await ReadAsync<SessionDetail>(await moderator.PostAsJsonAsync(Sessions, new
        {
            title, startsAt = "2027-03-19T10:30:00+01:00", endsAt = "2027-03-19T12:00:00+01:00", place = "Freiburg im Breisgau",
        }), HttpStatusCode.Created);
        var question = await ReadAsync<QuestionDto>(await moderator.PostAsJsonAsync($"{Sessions}/{session.Id}/questions",
            new { text = "Wie werden Mitarbeiter der kommunalen Verwaltung „mitgenommen“?" }), HttpStatusCode.Created);
        return (session, question);
    }

    static async Task<GuestPassDto> RedeemAsync(HttpClient anonymous, string code, string? name = null) =>
        await ReadAsync<GuestPassDto>(await anonymous.PostAsJsonAsync(Redemption, new { code, name }), HttpStatusCode.Created);

    [Fact]
    public async Task Guests_with_the_moderators_code_ask_and_upvote_in_the_room_once_each()
    {
        using var iese = Iese();
        using var heidelberg = Heidelberg();
        using var anonymous = From("198.51.100.1");
        var (session, question) = await SessionAsync(iese, "Guests take part");
        var access = $"{Sessions}/{session.Id}/guest-access";

        Assert.False((await ReadAsync<GuestAccessDto>(await iese.GetAsync(access), HttpStatusCode.OK)).Open);
        await ProblemAsync(await heidelberg.PostAsync(access, null), HttpStatusCode.Forbidden, "Nur die Moderation dieses Erfahrungsaustauschs.");
        await ProblemAsync(await heidelberg.GetAsync(access), HttpStatusCode.Forbidden, "Nur die Moderation dieses Erfahrungsaustauschs.");
        using (var unsigned = await anonymous.PostAsync(access, null))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var opened = await ReadAsync<GuestAccessDto>(await iese.PostAsync(access, null), HttpStatusCode.Created);
        Assert.Matches(new Regex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$"), opened.Code);
        Assert.Equal(opened.Code, (await ReadAsync<GuestAccessDto>(await iese.PostAsync(access, null), HttpStatusCode.OK)).Code);

        // Typed in any case, without the dash; a name is optional.
        var anna = await RedeemAsync(anonymous, opened.Code!.Replace("-", " ").ToLowerInvariant(), "Anna");
        var nameless = await RedeemAsync(anonymous, opened.Code);
        Assert.Equal((session.Id, "Anna"), (anna.SessionId, anna.Name));
        Assert.Equal(GuestPasses.DefaultName, nameless.Name);
        await ProblemAsync(await anonymous.PostAsJsonAsync(Redemption, new { code = "ABCD-EFGH" }), HttpStatusCode.NotFound, "Dieser Code öffnet keinen Live-Raum.");
        var missing = await ProblemAsync(await anonymous.PostAsJsonAsync(Redemption, new { name = new string('x', GuestPasses.MaxNameLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Equal(["code", "name"], missing.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        await using var inRoom = LiveRoomListener.For(meetings.Service.Server, anna.Token);
        Assert.Equal(session.Id, (await inRoom.JoinAsync(session.Id)).SessionId);
        await ReadAsync<QuestionDto>(await iese.PostAsync($"{Sessions}/{session.Id}/questions/{question.Id}/opening", null), HttpStatusCode.OK);
        Assert.Equal(question.Id, (await LiveRoomListener.NextAsync(inRoom.Opened)).Id);

        using var asGuest = Guest(anna);
        using var asNameless = Guest(nameless);
        var asked = await ReadAsync<AudienceQuestionDto>(await asGuest.PostAsJsonAsync($"{Sessions}/{session.Id}/audience-questions",
            new { text = "Wie viele Stunden im Monat haben Digitallotsen dafür?" }), HttpStatusCode.Created);
        Assert.Equal(("Anna", true, (Guid?)question.Id), (asked.AskerName, asked.Guest, asked.GuidingQuestionId));
        Assert.Equal(asked.Id, Assert.Single(await LiveRoomListener.NextAsync(inRoom.Questions)).Id);
        var votes = $"{Sessions}/{session.Id}/audience-questions/{asked.Id}/votes";
        await ReadAsync<AudienceQuestionDto>(await asNameless.PostAsync(votes, null), HttpStatusCode.Created);
        await ProblemAsync(await asNameless.PostAsync(votes, null), HttpStatusCode.Conflict);
        var counted = await ReadAsync<AudienceQuestionDto>(await heidelberg.PostAsync(votes, null), HttpStatusCode.Created);
        Assert.Equal(2, counted.Votes);
        var state = await ReadAsync<LiveRoomState>(await asGuest.GetAsync($"{Sessions}/{session.Id}/live"), HttpStatusCode.OK);
        Assert.Equal((question.Id, 2), (state.OpenQuestion?.Id, Assert.Single(state.Questions).Votes));
        Assert.Equal(2, (await ReadAsync<GuestAccessDto>(await iese.GetAsync(access), HttpStatusCode.OK)).Guests);

        // Of a guest Meetings keeps the name they chose and the hash of their token; the office's audit log has no code.
        await using (var scope = meetings.Service.Services.CreateAsyncScope())
        {
            var passes = await scope.ServiceProvider.GetRequiredService<MeetingsDb>().GuestPasses.AsNoTracking()
                .Where(p => p.SessionId == session.Id).ToListAsync();
            Assert.Equal(["Anna", "Gast"], passes.Select(p => p.Name).Order());
            Assert.All(passes, p => Assert.DoesNotContain(p.TokenHash, new[] { anna.Token, nameless.Token }));
        }
        using var office = meetings.As(Guid.NewGuid(), "Geschäftsstelle", Roles.Office);
        var audit = await office.GetStringAsync("/api/meetings/office/audit?pageSize=100");
        Assert.Contains("exchange-session.guests-admitted", audit);
        Assert.DoesNotContain(opened.Code, audit);
    }

    [Fact]
    public async Task A_guest_is_refused_with_a_403_problem_everywhere_but_the_live_room_of_their_session()
    {
        using var iese = Iese();
        using var heidelberg = Heidelberg();
        using var anonymous = From("198.51.100.2");
        var (session, _) = await SessionAsync(iese, "Guests stay in their room");
        var (other, _) = await SessionAsync(iese, "Another session");
        var code = (await ReadAsync<GuestAccessDto>(await iese.PostAsync($"{Sessions}/{session.Id}/guest-access", null), HttpStatusCode.Created)).Code!;
        var pass = await RedeemAsync(anonymous, code, "Anna");
        using var guest = Guest(pass);

        // Every endpoint that needs a sign-in, other than the live room's, with the guest's own session where a route names one.
        var refused = new List<string>();
        foreach (var endpoint in meetings.Service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                                 && e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy != LiveParticipant.Policy)))
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), PathOf(endpoint.RoutePattern, session.Id))
                {
                    Content = method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
                };
                await ProblemAsync(await guest.SendAsync(request), HttpStatusCode.Forbidden, GuestsOnlyInTheRoom);
                refused.Add($"{method} {endpoint.RoutePattern.RawText}");
            }
        }
        Assert.Superset(new HashSet<string>
        {
            "POST /api/meetings/exchange-sessions/", "PUT /api/meetings/exchange-sessions/{sessionId:guid}",
            "POST /api/meetings/exchange-sessions/{sessionId:guid}/statements/", "GET /api/meetings/exchange-sessions/{sessionId:guid}/statements/mine",
            "POST /api/meetings/exchange-sessions/{sessionId:guid}/questions/{questionId:guid}/opening",
            "POST /api/meetings/exchange-sessions/{sessionId:guid}/takeaways",
            "POST /api/meetings/exchange-sessions/{sessionId:guid}/audience-questions/{questionId:guid}/answered",
            "POST /api/meetings/exchange-sessions/{sessionId:guid}/results",
            "POST /api/meetings/exchange-sessions/{sessionId:guid}/guest-access/",
            "POST /api/meetings/assemblies/", "POST /api/meetings/assemblies/{assemblyId:guid}/motions",
            "POST /api/meetings/assemblies/{assemblyId:guid}/delegates", "POST /api/meetings/assemblies/{assemblyId:guid}/proxies/",
            "POST /api/meetings/votes/{voteId:guid}/ballots", "GET /api/meetings/office/audit",
        }, refused.ToHashSet());

        // Another session's room: neither over REST nor over the hub.
        var theirs = await ReadAsync<AudienceQuestionDto>(await heidelberg.PostAsJsonAsync($"{Sessions}/{other.Id}/audience-questions",
            new { text = "Wer bezahlt die Schulung?" }), HttpStatusCode.Created);
        await ProblemAsync(await guest.GetAsync($"{Sessions}/{other.Id}/live"), HttpStatusCode.Forbidden, LiveParticipant.OtherRoom);
        await ProblemAsync(await guest.PostAsJsonAsync($"{Sessions}/{other.Id}/audience-questions", new { text = "Und hier?" }),
            HttpStatusCode.Forbidden, LiveParticipant.OtherRoom);
        await ProblemAsync(await guest.PostAsync($"{Sessions}/{other.Id}/audience-questions/{theirs.Id}/votes", null),
            HttpStatusCode.Forbidden, LiveParticipant.OtherRoom);
        await using var inRoom = LiveRoomListener.For(meetings.Service.Server, pass.Token);
        var refusedJoin = await Assert.ThrowsAsync<HubException>(() => inRoom.JoinAsync(other.Id));
        Assert.Contains(LiveParticipant.OtherRoom, refusedJoin.Message);

        // What anyone may read, a guest reads like anyone.
        await ReadAsync<SessionDetail>(await guest.GetAsync($"{Sessions}/{session.Id}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Closing_the_guests_access_ends_every_pass_and_the_code()
    {
        using var iese = Iese();
        using var anonymous = From("198.51.100.3");
        var (session, _) = await SessionAsync(iese, "Guests leave");
        var access = $"{Sessions}/{session.Id}/guest-access";
        var code = (await ReadAsync<GuestAccessDto>(await iese.PostAsync(access, null), HttpStatusCode.Created)).Code!;
        var pass = await RedeemAsync(anonymous, code);
        await using var inRoom = LiveRoomListener.For(meetings.Service.Server, pass.Token);
        await inRoom.JoinAsync(session.Id);

        using (var closed = await iese.DeleteAsync(access))
            Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        Assert.Equal(session.Id, await LiveRoomListener.NextAsync(inRoom.GuestAccessEnded));
        using var guest = Guest(pass);
        await ProblemAsync(await guest.GetAsync($"{Sessions}/{session.Id}/live"), HttpStatusCode.Unauthorized, "Dieser Gastzugang gilt nicht (mehr).");
        await ProblemAsync(await guest.PostAsJsonAsync($"{Sessions}/{session.Id}/audience-questions", new { text = "Noch da?" }),
            HttpStatusCode.Unauthorized, "Dieser Gastzugang gilt nicht (mehr).");
        await ProblemAsync(await anonymous.PostAsJsonAsync(Redemption, new { code }), HttpStatusCode.NotFound, "Dieser Code öffnet keinen Live-Raum.");
        await using var again = LiveRoomListener.For(meetings.Service.Server, pass.Token);
        Assert.Contains("401", (await Assert.ThrowsAnyAsync<Exception>(() => again.JoinAsync(session.Id))).ToString());
        var reopened = await ReadAsync<GuestAccessDto>(await iese.PostAsync(access, null), HttpStatusCode.Created);
        Assert.NotEqual(code, reopened.Code);
        Assert.Equal(0, reopened.Guests);
    }

    [Fact]
    public async Task Guessing_codes_is_limited_per_address_with_a_429_problem_and_Retry_After()
    {
        using var guesser = From("203.0.113.77");
        using var neighbour = From("203.0.113.78");
        for (var attempt = 1; attempt <= 10; attempt++)
            await ProblemAsync(await guesser.PostAsJsonAsync(Redemption, new { code = $"ABCD-EF{attempt % 10 + 2}H" }), HttpStatusCode.NotFound);

        using var limited = await guesser.PostAsJsonAsync(Redemption, new { code = "ABCD-EFGH" });
        await ProblemAsync(limited, HttpStatusCode.TooManyRequests, "Zu viele Anfragen.");
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        await ProblemAsync(await neighbour.PostAsJsonAsync(Redemption, new { code = "ABCD-EFGH" }), HttpStatusCode.NotFound);
    }

    /// <summary>A route's path with the session's id for <c>sessionId</c> and made-up values for other parameters.</summary>
    static string PathOf(RoutePattern pattern, Guid sessionId) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "sessionId" } => sessionId.ToString(),
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") => "1",
            RoutePatternParameterPart => Guid.NewGuid().ToString(),
            _ => "",
        }))));
}
