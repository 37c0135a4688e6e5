using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;
using Kommune20.Data.Lists;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Practices;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// Statements and takeaways point to practices of the library: Meetings knows them from Federation's practice events on
/// the real broker, links only public ones it holds, and the published results name them with their pages in the portal.
/// </summary>
public sealed class PracticeLinksTests : IAsyncLifetime
{
    const string Sessions = "/api/meetings/exchange-sessions";
    readonly IsolatedService<Program> _meetings = new("meetings", host => host.AcceptTestTokens());
    readonly Guid _iese = Guid.NewGuid(), _brunzel = Guid.NewGuid();
    readonly string _originId = "digitallotsen-" + Guid.NewGuid().ToString("N")[..8];
    Upstream _federation = null!;

    public async Task InitializeAsync()
    {
        using var http = _meetings.CreateClient();
        // Ready means the consumers' queues are bound: nothing published from here on is lost.
        await Eventually.HoldsAsync(async () => Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode), TimeSpan.FromSeconds(60));
        _federation = await Upstream.ConnectAsync(_meetings.MessagingNamespace);
    }

    public async Task DisposeAsync()
    {
        await _federation.DisposeAsync();
        await _meetings.DisposeAsync();
    }

    HttpClient As(Guid person, string name, string role)
    {
        var http = _meetings.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For(person.ToString(), [role], name, PracticeSamples.Metropolregion));
        return http;
    }

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    static async Task<string[]> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
    }

    [Fact]
    public async Task A_published_statement_and_takeaway_name_the_practices_they_point_to_and_their_pages()
    {
        using var iese = As(_iese, "Ivan Acimovic", Roles.Moderator);
        using var brunzel = As(_brunzel, "Marco Brunzel", Roles.CityEditor);
        var lotsen = LibraryPracticeId.Of(PracticeSamples.Heidelberg, _originId);
        var intern = LibraryPracticeId.Of(PracticeSamples.Heidelberg, _originId + "-intern");
        await _federation.PublishAsync(new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, _originId), PracticeSamples.Digitallotsen()));
        await _federation.PublishAsync(new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, _originId + "-intern"),
            PracticeSamples.Digitallotsen(Visibility.Network)));

        var session = await ReadAsync<SessionDetail>(await iese.PostAsJsonAsync(Sessions, new
        {
            title = "Auf dem Weg zu digitalen Ökosystemen", startsAt = "2027-03-19T10:30:00+01:00", endsAt = "2027-03-19T12:00:00+01:00", place = "Freiburg",
        }), HttpStatusCode.Created);
        var room = $"{Sessions}/{session.Id}";
        var mitarbeiter = await ReadAsync<QuestionDto>(await iese.PostAsJsonAsync($"{room}/questions",
            new { text = "Wie werden Mitarbeiter der kommunalen Verwaltung „mitgenommen“?" }), HttpStatusCode.Created);
        await ReadAsync<PanelistDto>(await iese.PostAsJsonAsync($"{room}/panelists", new
        {
            personId = _brunzel, name = "Marco Brunzel", organisation = "Metropolregion Rhein Neckar", memberId = PracticeSamples.Metropolregion,
            questions = new[] { new { questionId = mitarbeiter.Id } },
        }), HttpStatusCode.Created);

        // Linked once Meetings holds the practice; a network-only practice or an unknown id is refused, naming the item.
        var statement = new
        {
            kind = "answer", questionId = mitarbeiter.Id, text = "Konzept der Digitallotsen der Stadt Heidelberg adaptieren und in die Welt tragen",
            practiceIds = new[] { lotsen },
        };
        await Eventually.HoldsAsync(async () => Assert.Equal(HttpStatusCode.Created, (await brunzel.PostAsJsonAsync($"{room}/statements", statement)).StatusCode),
            TimeSpan.FromSeconds(30));
        var written = Assert.Single((await ReadAsync<MyPanel>(await brunzel.GetAsync($"{room}/statements/mine"), HttpStatusCode.OK)).Statements);
        Assert.Equal([new LinkedPractice(lotsen, "Digitallotsinnen und Digitallotsen")], written.Practices);
        Assert.Equal(["practiceIds[0]", "practiceIds[1]"], await FieldsAsync(await brunzel.PutAsJsonAsync($"{room}/statements/{written.Id}",
            new { text = statement.text, practiceIds = new[] { intern, Guid.NewGuid() } })));
        Assert.Equal(["guidingQuestionId", "practiceIds[0]"], await FieldsAsync(await iese.PostAsJsonAsync($"{room}/takeaways",
            new { guidingQuestionId = Guid.NewGuid(), text = "…", practiceIds = new[] { intern } })));
        // A new text without practiceIds keeps the links.
        var changed = await ReadAsync<StatementDto>(await brunzel.PutAsJsonAsync($"{room}/statements/{written.Id}", new { text = statement.text + "." }),
            HttpStatusCode.OK);
        Assert.Equal([lotsen], changed.Practices.Select(p => p.Id));

        var takeaway = await ReadAsync<TakeawayDto>(await iese.PostAsJsonAsync($"{room}/takeaways", new
        {
            guidingQuestionId = mitarbeiter.Id, text = "Digitallotsen in jedem Amt: die Metropolregion will das Konzept übernehmen.", practiceIds = new[] { lotsen },
        }), HttpStatusCode.Created);
        Assert.Equal($"/praxisbeispiele/{lotsen}", Assert.Single(takeaway.Practices).Page);
        await ReadAsync<SessionDetail>(await iese.PostAsync($"{room}/results", null), HttpStatusCode.OK);

        // Published: everyone reads the links, in the statements, the room's takeaways and the compiled document.
        using var anyone = _meetings.CreateClient();
        var published = await ReadAsync<PagedList<StatementDto>>(await anyone.GetAsync($"{room}/statements"), HttpStatusCode.OK);
        Assert.Equal($"/praxisbeispiele/{lotsen}", Assert.Single(Assert.Single(published.Items).Practices).Page);
        var state = await ReadAsync<LiveRoomState>(await brunzel.GetAsync($"{room}/live"), HttpStatusCode.OK);
        Assert.Equal([lotsen], Assert.Single(state.Takeaways).Practices.Select(p => p.Id));
        var markdown = await anyone.GetStringAsync($"{room}/statements.md");
        Assert.Contains($"Praxisbeispiel in der Bibliothek: [Digitallotsinnen und Digitallotsen](http://localhost/praxisbeispiele/{lotsen})", markdown);
        Assert.Contains($"(Praxisbeispiel: [Digitallotsinnen und Digitallotsen](http://localhost/praxisbeispiele/{lotsen}))", markdown);

        // Withdrawn by its city, the practice is linked no more.
        await _federation.PublishAsync(new PracticeWithdrawn(PracticeSamples.Origin(PracticeSamples.Heidelberg, _originId, 2)));
        var other = await ReadAsync<SessionDetail>(await iese.PostAsJsonAsync(Sessions, new
        {
            title = "Nachtreffen", startsAt = "2027-04-19T10:30:00+01:00", endsAt = "2027-04-19T12:00:00+01:00", place = "Freiburg",
        }), HttpStatusCode.Created);
        var question = await ReadAsync<QuestionDto>(await iese.PostAsJsonAsync($"{Sessions}/{other.Id}/questions", new { text = "Was wurde daraus?" }),
            HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => Assert.Equal(["practiceIds[0]"], await FieldsAsync(await iese.PostAsJsonAsync($"{Sessions}/{other.Id}/takeaways",
            new { guidingQuestionId = question.Id, text = "…", practiceIds = new[] { lotsen } }))), TimeSpan.FromSeconds(30));
    }
}
