using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Testing;
using static Kommune20.EndToEnd.Tests.Meetings.LiveRoomParticipant;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// The demo's Freiburg session in its live room, through the gateway (the hub's WebSockets proxied by YARP): its
/// moderator (Fraunhofer IESE) opens a guiding question and two panelists' connections have it; a question one asks
/// reaches the other ranked, upvoted once.
/// </summary>
[Collection(SharedHub.Name)]
public sealed class LiveRoomThroughGatewayTests(ObservedHub fixture)
{
    Hub Hub => fixture.Hub;

    async Task<string> TokenAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password);
    }

    [Fact]
    public async Task A_question_the_moderator_opens_reaches_every_connection_through_the_gateway()
    {
        using var iese = SignIn.WithToken(Hub.Gateway, await TokenAsync("moderation-iese"));
        using var heidelberg = SignIn.WithToken(Hub.Gateway, await TokenAsync("heidelberg"));
        using var pforzheim = SignIn.WithToken(Hub.Gateway, await TokenAsync("pforzheim"));
        JsonElement freiburg = default;
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = await iese.GetFromJsonAsync<JsonElement>("/api/meetings/exchange-sessions");
            freiburg = Assert.Single(sessions.GetProperty("items").EnumerateArray(), s => s.GetProperty("title").GetString()!.StartsWith("Auf dem Weg zu digitalen Ökosystemen"));
        });
        var session = freiburg.GetProperty("id").GetGuid();
        var detail = await iese.GetFromJsonAsync<JsonElement>($"/api/meetings/exchange-sessions/{session}");
        var question = detail.GetProperty("questions")[1].GetProperty("id").GetGuid();

        await using var inHeidelberg = await LiveRoomParticipant.JoinAsync(Hub.Gateway, await TokenAsync("heidelberg"), session);
        await using var inPforzheim = await LiveRoomParticipant.JoinAsync(Hub.Gateway, await TokenAsync("pforzheim"), session);

        using (var refused = await heidelberg.PostAsync($"/api/meetings/exchange-sessions/{session}/questions/{question}/opening", null))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var opened = await iese.PostAsync($"/api/meetings/exchange-sessions/{session}/questions/{question}/opening", null))
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(question, (await NextAsync(inHeidelberg.Opened)).GetProperty("id").GetGuid());
        Assert.Equal(question, (await NextAsync(inPforzheim.Opened)).GetProperty("id").GetGuid());

        using var asked = await heidelberg.PostAsJsonAsync($"/api/meetings/exchange-sessions/{session}/audience-questions",
            new { text = "Wie viele Digitallotsen braucht ein Fachamt?" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Contains((await NextAsync(inPforzheim.Questions)).EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
        using (var upvoted = await pforzheim.PostAsync($"/api/meetings/exchange-sessions/{session}/audience-questions/{id}/votes", null))
            Assert.Equal(HttpStatusCode.Created, upvoted.StatusCode);
        await NextWhereAsync(inHeidelberg.Questions, ranked => ranked.EnumerateArray().First(q => q.GetProperty("id").GetGuid() == id).GetProperty("votes").GetInt32() == 1);
        using (var twice = await pforzheim.PostAsync($"/api/meetings/exchange-sessions/{session}/audience-questions/{id}/votes", null))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }
}
