using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// The live room over real SignalR connections (WebSockets, the token in the query string as browsers send it): the
/// moderator opens a question and every participant has it; audience questions arrive ranked by votes, one vote per
/// participant and question; the moderator marks one answered and records a takeaway; others may not.
/// </summary>
public sealed class LiveRoomTests(MeetingsWithTestTokens meetings) : IClassFixture<MeetingsWithTestTokens>
{
    readonly Guid _iese = Guid.NewGuid(), _kgst = Guid.NewGuid(), _heidelberg = Guid.NewGuid(), _pforzheim = Guid.NewGuid();

    async Task<LiveRoomListener> JoinAsync(Guid person, string name, Guid session)
    {
        var participant = LiveRoomListener.For(meetings.Service.Server, TestTokens.For(person.ToString(), [Roles.CityEditor], name));
        var state = await participant.JoinAsync(session);
        Assert.Equal(session, state.SessionId);
        return participant;
    }

    static Task<T> NextAsync<T>(Channel<T> channel) => LiveRoomListener.NextAsync(channel);

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }

    [Fact]
    public async Task Participants_see_the_opened_question_at_once_and_their_questions_ranked_by_one_vote_each()
    {
        using var iese = meetings.As(_iese, "Ivan Acimovic", Roles.Moderator);
        using var kgst = meetings.As(_kgst, "Marc Groß", Roles.Moderator);
        using var heidelberg = meetings.As(_heidelberg, "Svenja Baumgärtner", Roles.CityEditor);
        using var pforzheim = meetings.As(_pforzheim, "Sabrina Härdtner", Roles.CityEditor);
        const string sessions = "/api/meetings/exchange-sessions";
        var session = await ReadAsync<SessionDetail>(await iese.PostAsJsonAsync(sessions, new
        {
            title = "Auf dem Weg zu digitalen Ökosystemen", startsAt = "2027-03-19T10:30:00+01:00", endsAt = "2027-03-19T12:00:00+01:00", place = "Freiburg",
        }), HttpStatusCode.Created);
        var politik = await ReadAsync<QuestionDto>(await iese.PostAsJsonAsync($"{sessions}/{session.Id}/questions",
            new { text = "Wie kann die lokale Politik begeistert werden?" }), HttpStatusCode.Created);
        var room = $"{sessions}/{session.Id}";
        await using var inHeidelberg = await JoinAsync(_heidelberg, "Svenja Baumgärtner", session.Id);
        await using var inPforzheim = await JoinAsync(_pforzheim, "Sabrina Härdtner", session.Id);

        using var notModerating = await kgst.PostAsync($"{room}/questions/{politik.Id}/opening", null);
        Assert.Equal(HttpStatusCode.Forbidden, notModerating.StatusCode);
        await ReadAsync<QuestionDto>(await iese.PostAsync($"{room}/questions/{politik.Id}/opening", null), HttpStatusCode.OK);
        Assert.Equal(politik.Id, (await NextAsync(inHeidelberg.Opened)).Id);
        Assert.Equal(politik.Id, (await NextAsync(inPforzheim.Opened)).Id);

        var first = await ReadAsync<AudienceQuestionDto>(await heidelberg.PostAsJsonAsync($"{room}/audience-questions",
            new { text = "Wie erreichen wir den Gemeinderat?" }), HttpStatusCode.Created);
        var second = await ReadAsync<AudienceQuestionDto>(await heidelberg.PostAsJsonAsync($"{room}/audience-questions",
            new { text = "Wer bildet die Digitallotsen aus?" }), HttpStatusCode.Created);
        Assert.Equal(politik.Id, second.GuidingQuestionId);
        Assert.Equal([first.Id], (await NextAsync(inPforzheim.Questions)).Select(q => q.Id));
        Assert.Equal([first.Id, second.Id], (await NextAsync(inPforzheim.Questions)).Select(q => q.Id));

        await ReadAsync<AudienceQuestionDto>(await pforzheim.PostAsync($"{room}/audience-questions/{second.Id}/votes", null), HttpStatusCode.Created);
        using var twice = await pforzheim.PostAsync($"{room}/audience-questions/{second.Id}/votes", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var ranked = await NextAsync(inPforzheim.Questions);
        Assert.Equal([(second.Id, 1), (first.Id, 0)], ranked.Select(q => (q.Id, q.Votes)));

        using var answeredByOther = await kgst.PostAsync($"{room}/audience-questions/{second.Id}/answered", null);
        Assert.Equal(HttpStatusCode.Forbidden, answeredByOther.StatusCode);
        await ReadAsync<AudienceQuestionDto>(await iese.PostAsync($"{room}/audience-questions/{second.Id}/answered", null), HttpStatusCode.OK);
        var afterAnswer = await NextAsync(inPforzheim.Questions);
        Assert.Equal([first.Id, second.Id], afterAnswer.Select(q => q.Id));
        Assert.NotNull(afterAnswer[1].AnsweredAt);

        using var takeawayByOther = await heidelberg.PostAsJsonAsync($"{room}/takeaways", new { guidingQuestionId = politik.Id, text = "…" });
        Assert.Equal(HttpStatusCode.Forbidden, takeawayByOther.StatusCode);
        var takeaway = await ReadAsync<TakeawayDto>(await iese.PostAsJsonAsync($"{room}/takeaways",
            new { guidingQuestionId = politik.Id, text = "Politik früh einbinden, mit einer mitreißenden Vision." }), HttpStatusCode.Created);
        Assert.Equal(takeaway.Id, (await NextAsync(inHeidelberg.Takeaways)).Id);

        var state = await ReadAsync<LiveRoomState>(await pforzheim.GetAsync($"{room}/live"), HttpStatusCode.OK);
        Assert.Equal(politik.Id, state.OpenQuestion?.Id);
        Assert.Equal([first.Id, second.Id], state.Questions.Select(q => q.Id));
        Assert.Equal([takeaway.Id], state.Takeaways.Select(t => t.Id));

        // The compiled document closes with what the room brought, without who asked.
        var markdown = await iese.GetStringAsync($"{room}/statements.md?by=question");
        Assert.Contains("## Ergebnisse des Live-Raums", markdown);
        Assert.Contains("### Wie kann die lokale Politik begeistert werden?", markdown);
        Assert.Contains("- Politik früh einbinden, mit einer mitreißenden Vision.", markdown);
        Assert.Contains("- Wer bildet die Digitallotsen aus? (1 Unterstützung, beantwortet)", markdown);
        Assert.Contains("- Wie erreichen wir den Gemeinderat? (0 Unterstützungen)", markdown);
        Assert.DoesNotContain("Svenja Baumgärtner", markdown);
    }

    [Fact]
    public async Task Nobody_joins_without_a_token()
    {
        await using var anonymous = LiveRoomListener.For(meetings.Service.Server, token: null);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => anonymous.Connection.StartAsync());
        Assert.Contains("401", refused.ToString());
    }

    [Fact]
    public void Open_questions_rank_by_votes_then_by_who_asked_first_and_answered_ones_come_last()
    {
        var start = DateTimeOffset.UtcNow;
        AudienceQuestionDto Asked(string text, int votes, int minute, int? answeredMinute = null) =>
            new(Guid.NewGuid(), null, "Teilnehmende Person", false, text, votes, start.AddMinutes(minute), answeredMinute is { } m ? start.AddMinutes(m) : null);

        var ranked = AudienceRanking.Rank([
            Asked("früh, eine Stimme", 1, 0), Asked("beantwortet, viele Stimmen", 9, 1, answeredMinute: 10), Asked("spät, eine Stimme", 1, 2),
            Asked("drei Stimmen", 3, 3), Asked("ohne Stimme", 0, 4), Asked("später beantwortet", 2, 5, answeredMinute: 12),
        ]);

        Assert.Equal(["drei Stimmen", "früh, eine Stimme", "spät, eine Stimme", "ohne Stimme", "später beantwortet", "beantwortet, viele Stimmen"],
            ranked.Select(q => q.Text));
    }
}
