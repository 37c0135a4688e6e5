using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kommune20.Data.Audit;
using Kommune20.Data.Lists;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Meetings.Tests;

/// <summary>Meetings in-process over its own database, accepting tokens signed by the tests.</summary>
public sealed class MeetingsWithTestTokens : IDisposable
{
    public IsolatedService<Program> Service { get; } = new("meetings", host => host.AcceptTestTokens());

    public HttpClient As(Guid person, string name, params string[] roles)
    {
        var http = Service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(person.ToString(), roles, name));
        return http;
    }

    public async Task<List<string>> EventsAsync(Guid sessionId)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Body.Contains(sessionId.ToString())).OrderBy(m => m.Sequence).ToListAsync();
        return messages.Select(m => m.MessageType.Split(',')[0].Split('.')[^1]).ToList();
    }

    public void Dispose() => Service.Dispose();
}

/// <summary>
/// The Freiburg session's preparation through the API: moderators named per session, panelists who write only their own
/// statements, the moderators' progress view and reminder, and the publication; each refusal a 403 or 400 problem.
/// </summary>
public sealed class ExchangeSessionsApiTests(MeetingsWithTestTokens meetings) : IClassFixture<MeetingsWithTestTokens>
{
    const string Sessions = "/api/meetings/exchange-sessions";
    readonly Guid _iese = Guid.NewGuid(), _kgst = Guid.NewGuid(), _heidelberg = Guid.NewGuid(), _pforzheim = Guid.NewGuid();

    static object Freiburg(string title = "Auf dem Weg zu digitalen Ökosystemen: Kommunen als Treiber für den digitalen Wandel") => new
    {
        title,
        theme = "Schrittmacher aus Städten und Regionen berichten.",
        startsAt = "2027-03-19T13:30:00+01:00",
        endsAt = "2027-03-19T15:00:00+01:00",
        place = "Freiburg im Breisgau",
    };

    HttpClient Iese() => meetings.As(_iese, "Ivan Acimovic", Roles.Moderator, Roles.PartnerContact);
    HttpClient Kgst() => meetings.As(_kgst, "Marc Groß", Roles.Moderator, Roles.PartnerContact);
    HttpClient Heidelberg() => meetings.As(_heidelberg, "Svenja Baumgärtner", Roles.CityEditor, Roles.Delegate);
    HttpClient Pforzheim() => meetings.As(_pforzheim, "Sabrina Härdtner", Roles.CityEditor, Roles.Delegate);

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string titlePart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(titlePart, problem.RootElement.GetProperty("title").GetString());
    }

    static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
    }

    async Task<SessionDetail> CreateAsync(HttpClient moderator) =>
        await ReadAsync<SessionDetail>(await moderator.PostAsJsonAsync(Sessions, Freiburg()), HttpStatusCode.Created);

    async Task<QuestionDto> AskAsync(HttpClient by, Guid session, string text) =>
        await ReadAsync<QuestionDto>(await by.PostAsJsonAsync($"{Sessions}/{session}/questions", new { text }), HttpStatusCode.Created);

    async Task<PanelistDto> SeatAsync(HttpClient moderator, Guid session, Guid person, string name, string organisation, params Guid[] questions) =>
        await ReadAsync<PanelistDto>(await moderator.PostAsJsonAsync($"{Sessions}/{session}/panelists", new
        {
            personId = person, name, organisation, questions = questions.Select(q => new { questionId = q }).ToArray(),
        }), HttpStatusCode.Created);

    [Fact]
    public async Task Only_the_sessions_own_moderators_change_it_open_questions_and_publish()
    {
        using var iese = Iese();
        using var kgst = Kgst();
        using var heidelberg = Heidelberg();
        var session = await CreateAsync(iese);
        Assert.Equal(_iese, Assert.Single(session.Moderators).PersonId);
        var politik = await AskAsync(iese, session.Id, "Wie kann die lokale Politik begeistert werden?");

        // The moderator role lets a person create sessions, not change another moderator's.
        await AssertProblemAsync(await kgst.PutAsJsonAsync($"{Sessions}/{session.Id}", Freiburg("Anders")), HttpStatusCode.Forbidden, "Nur die Moderation");
        await AssertProblemAsync(await kgst.PostAsync($"{Sessions}/{session.Id}/questions/{politik.Id}/opening", null), HttpStatusCode.Forbidden, "Nur die Moderation");
        await AssertProblemAsync(await kgst.PostAsync($"{Sessions}/{session.Id}/results", null), HttpStatusCode.Forbidden, "Nur die Moderation");
        await AssertProblemAsync(await kgst.PostAsJsonAsync($"{Sessions}/{session.Id}/moderators", new { personId = _kgst, name = "Marc Groß" }),
            HttpStatusCode.Forbidden, "Nur die Moderation");
        await AssertProblemAsync(await heidelberg.PostAsJsonAsync($"{Sessions}/{session.Id}/questions", new { text = "Frage?" }),
            HttpStatusCode.Forbidden, "Leitfragen stellen");
        using var notModerator = await heidelberg.PostAsJsonAsync(Sessions, Freiburg());
        Assert.Equal(HttpStatusCode.Forbidden, notModerator.StatusCode);

        // Named co-moderator, KGSt may; a person without the moderator role may too, once named.
        await ReadAsync<SessionDetail>(await iese.PostAsJsonAsync($"{Sessions}/{session.Id}/moderators",
            new { personId = _kgst, name = "Marc Groß", organisation = "KGSt" }), HttpStatusCode.OK);
        var changed = await ReadAsync<SessionDetail>(await kgst.PutAsJsonAsync($"{Sessions}/{session.Id}", Freiburg("Digitale Ökosysteme")), HttpStatusCode.OK);
        Assert.Equal("Digitale Ökosysteme", changed.Title);
        Assert.Equal(["Ivan Acimovic", "Marc Groß"], changed.Moderators.Select(m => m.Name));
        var opened = await ReadAsync<QuestionDto>(await kgst.PostAsync($"{Sessions}/{session.Id}/questions/{politik.Id}/opening", null), HttpStatusCode.OK);
        Assert.NotNull(opened.OpenedAt);

        // The public view names the people, without their Registry ids.
        using var anonymous = meetings.Service.CreateClient();
        var shown = await ReadAsync<SessionDetail>(await anonymous.GetAsync($"{Sessions}/{session.Id}"), HttpStatusCode.OK);
        Assert.All(shown.Moderators, m => Assert.Null(m.PersonId));
        Assert.Equal(politik.Id, shown.OpenQuestionId);

        Assert.Equal(["ExchangeSessionScheduled", "ExchangeSessionScheduled"], await meetings.EventsAsync(session.Id));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        using var iese = Iese();
        Assert.Equal(["endsAt", "onlineUrl", "place", "title"], await FieldsAsync(await iese.PostAsJsonAsync(Sessions, new
        {
            title = " ", startsAt = "2027-03-19T13:30:00+01:00", endsAt = "2027-03-19T12:00:00+01:00", place = new string('x', 201), onlineUrl = "meet",
        })));
        Assert.Equal(["assemblyId"], await FieldsAsync(await iese.PostAsJsonAsync(Sessions, new
        {
            title = "Austausch", startsAt = "2027-03-19T13:30:00+01:00", endsAt = "2027-03-19T15:00:00+01:00", place = "Freiburg", assemblyId = Guid.NewGuid(),
        })));
        Assert.Equal(["pageSize"], await FieldsAsync(await iese.GetAsync($"{Sessions}?pageSize=1000")));
        Assert.Equal(["page"], await FieldsAsync(await iese.GetAsync($"{Sessions}?page=0")));

        var session = await CreateAsync(iese);
        Assert.Equal(["name", "organisation", "personId", "questions[0].questionId"], await FieldsAsync(await iese.PostAsJsonAsync(
            $"{Sessions}/{session.Id}/panelists", new { questions = new[] { new { questionId = Guid.NewGuid() } } })));
        Assert.Equal(["text"], await FieldsAsync(await iese.PostAsJsonAsync($"{Sessions}/{session.Id}/questions", new { text = "" })));
        Assert.Equal(["pageSize"], await FieldsAsync(await iese.GetAsync($"{Sessions}/{session.Id}/statements?pageSize=201")));
    }

    [Fact]
    public async Task A_panelist_writes_only_their_own_statements_the_moderator_follows_reminds_and_publishes()
    {
        using var iese = Iese();
        using var heidelberg = Heidelberg();
        using var pforzheim = Pforzheim();
        using var office = meetings.As(Guid.NewGuid(), "Geschäftsstelle", Roles.Office);
        var session = await CreateAsync(iese);
        var politik = await AskAsync(iese, session.Id, "Wie kann die lokale Politik begeistert werden?");
        var zivil = await AskAsync(iese, session.Id, "Wie wird die Zivilgesellschaft mit eingebunden?");
        var baumgaertner = await SeatAsync(iese, session.Id, _heidelberg, "Svenja Baumgärtner", "Stadt Heidelberg", politik.Id, zivil.Id);
        await SeatAsync(iese, session.Id, _pforzheim, "Sabrina Härdtner", "Stadt Pforzheim, Pforzheim digital", zivil.Id);
        var statements = $"{Sessions}/{session.Id}/statements";

        var answer = await ReadAsync<StatementDto>(await heidelberg.PostAsJsonAsync(statements, new
        {
            kind = "answer", questionId = politik.Id, text = "Die lokale Politik wurde frühzeitig eingebunden. Siehe https://www.heidelberg.de/digital",
        }), HttpStatusCode.Created);
        var again = await heidelberg.PostAsJsonAsync(statements, new { kind = "answer", questionId = politik.Id, text = "Noch einmal" });
        var inTheWay = await again.Content.ReadFromJsonAsync<JsonElement>();
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "bereits beantwortet");
        Assert.Equal(answer.Id, inTheWay.GetProperty("statementId").GetGuid());
        await AssertProblemAsync(await pforzheim.PutAsJsonAsync($"{statements}/{answer.Id}", new { text = "Übernommen" }), HttpStatusCode.Forbidden,
            "nicht Ihr Statement");
        await AssertProblemAsync(await pforzheim.DeleteAsync($"{statements}/{answer.Id}"), HttpStatusCode.Forbidden, "nicht Ihr Statement");
        await AssertProblemAsync(await iese.PostAsJsonAsync(statements, new { kind = "general", text = "Moderation" }), HttpStatusCode.Forbidden,
            "nicht auf dem Podium");
        Assert.Equal(["questionId"], await FieldsAsync(await pforzheim.PostAsJsonAsync(statements, new { kind = "answer", questionId = politik.Id, text = "…" })));
        Assert.Equal(["text"], await FieldsAsync(await heidelberg.PutAsJsonAsync($"{statements}/{answer.Id}", new { text = "# Überschrift" })));
        var edited = await ReadAsync<StatementDto>(await heidelberg.PutAsJsonAsync($"{statements}/{answer.Id}",
            new { text = "Die lokale Politik wurde frühzeitig eingebunden und informiert." }), HttpStatusCode.OK);
        Assert.NotNull(edited.ChangedAt);

        // Her own question is put to her alone.
        var own = await AskAsync(pforzheim, session.Id, "Welche Rolle spielt die lokale Kultur- und Bildungsszene?");
        Assert.NotNull(own.PanelistId);
        var mine = await ReadAsync<MyPanel>(await pforzheim.GetAsync($"{statements}/mine"), HttpStatusCode.OK);
        Assert.Equal([zivil.Text, own.Text], mine.Panelist.Questions.Select(q => q.Text));
        Assert.True(mine.Editable);

        // Before the publication the network does not read along.
        using var stranger = meetings.As(Guid.NewGuid(), "Juri Jacobi", Roles.CityEditor);
        await AssertProblemAsync(await stranger.GetAsync(statements), HttpStatusCode.Forbidden, "noch nicht veröffentlicht");
        await AssertProblemAsync(await heidelberg.GetAsync($"{Sessions}/{session.Id}/progress"), HttpStatusCode.Forbidden, "Nur die Moderation");

        var progress = await ReadAsync<ExchangeProgress>(await iese.GetAsync($"{Sessions}/{session.Id}/progress"), HttpStatusCode.OK);
        Assert.Equal((1, 4), (progress.Answered, progress.Asked));
        Assert.Equal([(1, 2), (0, 2)], progress.Panelists.Select(p => (p.Answered, p.Asked)));

        var reminder = await ReadAsync<ReminderDto>(await iese.PostAsync($"{Sessions}/{session.Id}/panelists/{baumgaertner.Id}/reminders", null), HttpStatusCode.Created);
        Assert.Equal([zivil.Text], reminder.OpenQuestions);
        progress = await ReadAsync<ExchangeProgress>(await iese.GetAsync($"{Sessions}/{session.Id}/progress"), HttpStatusCode.OK);
        Assert.Equal(reminder.SentAt, progress.Panelists[0].LastRemindedAt);

        var published = await ReadAsync<SessionDetail>(await iese.PostAsync($"{Sessions}/{session.Id}/results", null), HttpStatusCode.OK);
        Assert.NotNull(published.ResultsPublishedAt);
        await AssertProblemAsync(await heidelberg.PutAsJsonAsync($"{statements}/{answer.Id}", new { text = "Später" }), HttpStatusCode.Conflict, "veröffentlicht");
        await AssertProblemAsync(await iese.PostAsync($"{Sessions}/{session.Id}/results", null), HttpStatusCode.Conflict, "veröffentlicht");
        using var anonymous = meetings.Service.CreateClient();
        var read = await ReadAsync<PagedList<StatementDto>>(await anonymous.GetAsync(statements), HttpStatusCode.OK);
        Assert.Equal(edited.Text, Assert.Single(read.Items).Text);

        Assert.Equal(["ExchangeSessionScheduled", "StatementSubmitted", "StatementSubmitted", "PanelistReminded", "SessionResultsPublished"],
            await meetings.EventsAsync(session.Id));
        var audit = await ReadAsync<PagedList<AuditLogApi.AuditEntryDto>>(await office.GetAsync("/api/meetings/office/audit?pageSize=200"), HttpStatusCode.OK);
        var actions = audit.Items.Where(e => e.Subject.StartsWith($"exchange-session/{session.Id}")).Select(e => e.Action).Reverse();
        Assert.Equal(["exchange-session.created", "exchange-session.question-added", "exchange-session.question-added", "exchange-session.panelist-named",
            "exchange-session.panelist-named", "exchange-session.panelist-reminded", "exchange-session.results-published"], actions);
        Assert.All(audit.Items.Where(e => e.Subject.StartsWith($"exchange-session/{session.Id}")), e => Assert.Equal(_iese.ToString(), e.Actor));
    }

    [Fact]
    public async Task The_compiled_document_is_there_at_any_time_for_those_who_may_read_the_statements()
    {
        using var iese = Iese();
        using var heidelberg = Heidelberg();
        var session = await CreateAsync(iese);
        var politik = await AskAsync(iese, session.Id, "Wie kann die lokale Politik begeistert werden?");
        await SeatAsync(iese, session.Id, _heidelberg, "Svenja Baumgärtner", "Stadt Heidelberg", politik.Id);
        await ReadAsync<StatementDto>(await heidelberg.PostAsJsonAsync($"{Sessions}/{session.Id}/statements", new
        {
            kind = "answer", questionId = politik.Id, text = "Digitalisierung ist eine Frage des „wie“: https://www.heidelberg.de/digital",
        }), HttpStatusCode.Created);
        var document = $"{Sessions}/{session.Id}/statements";

        var markdown = await (await iese.GetAsync($"{document}.md?by=question")).Content.ReadAsStringAsync();
        Assert.Contains("## Wie kann die lokale Politik begeistert werden?", markdown);
        Assert.Contains("### Svenja Baumgärtner (Stadt Heidelberg)", markdown);
        using var html = await heidelberg.GetAsync($"{document}.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a href=\"https://www.heidelberg.de/digital\">", await html.Content.ReadAsStringAsync());
        using var pdf = await iese.GetAsync($"{document}.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5));

        Assert.Equal(["by"], await FieldsAsync(await iese.GetAsync($"{document}.md?by=city")));
        using var anonymous = meetings.Service.CreateClient();
        await AssertProblemAsync(await anonymous.GetAsync($"{document}.pdf"), HttpStatusCode.Forbidden, "noch nicht veröffentlicht");
        using var missing = await iese.GetAsync($"{Sessions}/{Guid.NewGuid()}/statements.md");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_session_stands_in_the_network_calendar_not_in_a_members_own()
    {
        using var iese = Iese();
        var session = await CreateAsync(iese);
        using var anyone = meetings.Service.CreateClient();

        var network = await anyone.GetStringAsync("/feeds/events.ics");
        var uid = $"UID:erfahrungsaustausch-{session.Id}@kommune20";
        Assert.Contains(uid, network);
        Assert.Contains("CATEGORIES:Erfahrungsaustausch", network);
        Assert.DoesNotContain(uid, await anyone.GetStringAsync($"/feeds/members/{Guid.NewGuid()}/events.ics"));

        var upcoming = await anyone.GetFromJsonAsync<JsonElement>("/api/meetings/events?pageSize=100");
        Assert.Contains(upcoming.GetProperty("items").EnumerateArray(),
            date => date.GetProperty("id").GetGuid() == session.Id && date.GetProperty("kind").GetString() == "exchange-session");
    }
}
