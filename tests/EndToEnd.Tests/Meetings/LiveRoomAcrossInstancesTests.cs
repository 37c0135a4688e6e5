using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.EndToEnd.Tests.Instances;
using Kommune20.Testing;
using static Kommune20.EndToEnd.Tests.Meetings.LiveRoomParticipant;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// Two Meetings instances on one Redis backplane share the demo's Freiburg session room: the hub of
/// <see cref="TwiceFixture"/>, on PostgreSQL, as a deployment runs it. Each instance gets a gateway of its own in front
/// (all of the meetings routes to instance A at one, to instance B at the other), so which instance holds a connection
/// and takes a request is certain.
/// </summary>
[Collection(TwiceFixture.Name)]
public sealed class LiveRoomAcrossInstancesTests(TwiceFixture fixture)
{
    const string Sessions = "/api/meetings/exchange-sessions";

    [Fact]
    public async Task A_room_on_two_instances_is_one_room()
    {
        var hub = fixture.Hub;
        var (meetingsA, meetingsB) = fixture.Instances("meetings");
        var (a, b) = (await GatewayToAsync(hub, "gateway-meetings-a", meetingsA), await GatewayToAsync(hub, "gateway-meetings-b", meetingsB));
        var iese = await TokenAsync(hub, "moderation-iese");
        var heidelberg = await TokenAsync(hub, "heidelberg");
        var pforzheim = await TokenAsync(hub, "pforzheim");
        using var ieseOnA = SignIn.WithToken(a, iese);
        using var ieseOnB = SignIn.WithToken(b, iese);
        using var heidelbergOnA = SignIn.WithToken(a, heidelberg);
        using var heidelbergOnB = SignIn.WithToken(b, heidelberg);
        using var pforzheimOnB = SignIn.WithToken(b, pforzheim);

        JsonElement freiburg = default;
        await Eventually.HoldsAsync(async () =>
        {
            var listed = await ieseOnB.GetFromJsonAsync<JsonElement>(Sessions);
            freiburg = Assert.Single(listed.GetProperty("items").EnumerateArray(),
                s => s.GetProperty("title").GetString()!.StartsWith("Auf dem Weg zu digitalen Ökosystemen", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(60));
        var session = freiburg.GetProperty("id").GetGuid();
        var guiding = (await ieseOnA.GetFromJsonAsync<JsonElement>($"{Sessions}/{session}")).GetProperty("questions")[2];
        var guidingId = guiding.GetProperty("id").GetGuid();

        await using var onA = await JoinAsync(a, heidelberg, session);
        await using var onB = await JoinAsync(b, pforzheim, session);

        // The moderator opens the question at instance A; the participant held by instance B has it, word for word.
        using (var opening = await ieseOnA.PostAsync($"{Sessions}/{session}/questions/{guidingId}/opening", null))
            Assert.Equal(HttpStatusCode.OK, opening.StatusCode);
        foreach (var participant in new[] { onB, onA })
        {
            var opened = await NextAsync(participant.Opened);
            Assert.Equal(guidingId, opened.GetProperty("id").GetGuid());
            Assert.Equal(guiding.GetProperty("text").GetString(), opened.GetProperty("text").GetString());
            Assert.NotEqual(JsonValueKind.Null, opened.GetProperty("openedAt").ValueKind);
        }

        // One question is asked at each instance; an upvote at A puts the later one first for both.
        var early = await AskAsync(heidelbergOnA, session, "Wer bezahlt die Digitallotsen nach der Förderphase?");
        var late = await AskAsync(pforzheimOnB, session, "Wie kommen kleine Gemeinden an die Plattform?");
        Assert.Equal(guidingId, late.GetProperty("guidingQuestionId").GetGuid());
        using (var upvote = await heidelbergOnA.PostAsync($"{Sessions}/{session}/audience-questions/{Id(late)}/votes", null))
            Assert.Equal(HttpStatusCode.Created, upvote.StatusCode);
        foreach (var participant in new[] { onA, onB })
        {
            var ranked = await NextWhereAsync(participant.Questions, list => Votes(list, Id(late)) == 1);
            Assert.Equal(new[] { (Id(late), 1), (Id(early), 0) }, Ranking(ranked));
            var first = ranked[0];
            Assert.Equal("Wie kommen kleine Gemeinden an die Plattform?", first.GetProperty("text").GetString());
            Assert.Equal("Sabrina Härdtner", first.GetProperty("askerName").GetString());
        }

        // The same participant's second vote, now at the other instance, is refused: the database's key holds for both.
        using (var again = await heidelbergOnB.PostAsync($"{Sessions}/{session}/audience-questions/{Id(late)}/votes", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("Sie unterstützen diese Frage bereits.", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        // A takeaway recorded at A and the answered mark set at B reach the participants of both instances.
        using (var recorded = await ieseOnA.PostAsJsonAsync($"{Sessions}/{session}/takeaways",
                   new { guidingQuestionId = guidingId, text = "Kleine Gemeinden brauchen eine gemeinsame Plattform." }))
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        foreach (var participant in new[] { onB, onA })
        {
            var takeaway = await NextAsync(participant.Takeaways);
            Assert.Equal(guidingId, takeaway.GetProperty("guidingQuestionId").GetGuid());
            Assert.Equal("Kleine Gemeinden brauchen eine gemeinsame Plattform.", takeaway.GetProperty("text").GetString());
        }
        using (var answered = await ieseOnB.PostAsync($"{Sessions}/{session}/audience-questions/{Id(late)}/answered", null))
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        foreach (var participant in new[] { onA, onB })
        {
            var ranked = await NextWhereAsync(participant.Questions, list => list.EnumerateArray().Any(q => q.GetProperty("answeredAt").ValueKind != JsonValueKind.Null));
            Assert.Equal(new[] { (Id(early), 0), (Id(late), 1) }, Ranking(ranked));
        }

        // Whoever joins at either instance now finds the same room.
        await using var lateOnA = await JoinAsync(a, await TokenAsync(hub, "heilbronn"), session);
        await using var lateOnB = await JoinAsync(b, await TokenAsync(hub, "heilbronn"), session);
        foreach (var state in new[] { lateOnA.State, lateOnB.State })
        {
            Assert.Equal(guidingId, state.GetProperty("openQuestion").GetProperty("id").GetGuid());
            Assert.Equal(new[] { (Id(early), 0), (Id(late), 1) }, Ranking(state.GetProperty("questions")));
            Assert.Equal("Kleine Gemeinden brauchen eine gemeinsame Plattform.", Assert.Single(state.GetProperty("takeaways").EnumerateArray()).GetProperty("text").GetString());
        }
    }

    /// <summary>A further gateway whose meetings routes all go to the one instance at <paramref name="meetings"/>.</summary>
    static async Task<Uri> GatewayToAsync(Hub hub, string name, Uri meetings)
    {
        var cluster = "ReverseProxy__Clusters__meetings__Destinations__";
        var gateway = await hub.StartGatewayAsync(name, new Dictionary<string, string>
        {
            [$"{cluster}meetings__Address"] = meetings.AbsoluteUri,
            [$"{cluster}{Hub.SecondName("meetings")}__Address"] = meetings.AbsoluteUri,
        });
        return gateway.BaseAddress;
    }

    static async Task<string> TokenAsync(Hub hub, string userName)
    {
        var person = hub.Credentials.PersonNamed(userName);
        return await hub.SignIn.PersonTokenAsync(person.UserName, person.Password);
    }

    static async Task<JsonElement> AskAsync(HttpClient participant, Guid session, string text)
    {
        using var asked = await participant.PostAsJsonAsync($"{Sessions}/{session}/audience-questions", new { text });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        return await asked.Content.ReadFromJsonAsync<JsonElement>();
    }

    static Guid Id(JsonElement question) => question.GetProperty("id").GetGuid();

    static int Votes(JsonElement ranked, Guid question) =>
        ranked.EnumerateArray().FirstOrDefault(q => Id(q) == question) is { ValueKind: JsonValueKind.Object } found ? found.GetProperty("votes").GetInt32() : -1;

    static (Guid Id, int Votes)[] Ranking(JsonElement ranked) => ranked.EnumerateArray().Select(q => (Id(q), q.GetProperty("votes").GetInt32())).ToArray();
}
