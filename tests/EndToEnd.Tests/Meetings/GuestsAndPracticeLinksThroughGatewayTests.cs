using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Library;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// The demo's Freiburg session through the gateway, from the live room to the library: the moderator lets guests in, a
/// guest with the code asks in the room over REST and SignalR and is refused elsewhere; the moderator records a takeaway
/// pointing to Heidelberg's Digitallotsen and publishes; from the published takeaway's link the Metropolregion
/// Rhein-Neckar's city editor records its interest in adopting the practice at the library.
/// </summary>
[Collection(HubWithHeidelberg.Name)]
public sealed class GuestsAndPracticeLinksThroughGatewayTests(HubWithHeidelberg fixture)
{
    static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    Hub Hub => fixture.Hub;

    async Task<HttpClient> AsAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_guest_asks_in_the_room_and_a_member_follows_a_published_takeaways_practice_link_to_the_library()
    {
        using var iese = await AsAsync("moderation-iese");
        using var metropolregion = await AsAsync("metropolregion");
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        JsonElement freiburg = default;
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = await iese.GetFromJsonAsync<JsonElement>("/api/meetings/exchange-sessions");
            freiburg = Assert.Single(sessions.GetProperty("items").EnumerateArray());
        }, TimeSpan.FromSeconds(60));
        var room = $"/api/meetings/exchange-sessions/{freiburg.GetProperty("id").GetGuid()}";
        var detail = await iese.GetFromJsonAsync<JsonElement>(room);
        var mitarbeiter = detail.GetProperty("questions")[1].GetProperty("id").GetGuid();
        await ReadAsync(await iese.PostAsync($"{room}/questions/{mitarbeiter}/opening", null), HttpStatusCode.OK);

        // A guest: the code from the moderators, a pass from Meetings, the room over the gateway's routes and its WebSockets.
        var code = (await ReadAsync(await iese.PostAsync($"{room}/guest-access", null), HttpStatusCode.Created)).GetProperty("code").GetString();
        var pass = await ReadAsync(await anonymous.PostAsJsonAsync("/api/meetings/guest-passes", new { code, name = "Anna aus Freiburg" }), HttpStatusCode.Created);
        var token = pass.GetProperty("token").GetString()!;
        using var guest = new HttpClient { BaseAddress = Hub.Gateway };
        guest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var inRoom = await LiveRoomParticipant.JoinAsync(Hub.Gateway, token, freiburg.GetProperty("id").GetGuid());
        Assert.Equal(mitarbeiter, inRoom.State.GetProperty("openQuestion").GetProperty("id").GetGuid());
        var asked = await ReadAsync(await guest.PostAsJsonAsync($"{room}/audience-questions", new { text = "Wie viele Digitallotsen braucht ein Amt?" }),
            HttpStatusCode.Created);
        Assert.Equal(("Anna aus Freiburg", true), (asked.GetProperty("askerName").GetString(), asked.GetProperty("guest").GetBoolean()));
        await ReadAsync(await guest.GetAsync($"{room}/live"), HttpStatusCode.OK);
        // Refused elsewhere: by Meetings with its problem where the gateway lets anyone through, by the gateway where it wants a sign-in.
        var refused = await ReadAsync(await guest.GetAsync($"{room}/progress"), HttpStatusCode.Forbidden);
        Assert.Equal("Ein Gastzugang gilt nur für den Live-Raum.", refused.GetProperty("title").GetString());
        using (var write = await guest.PostAsJsonAsync($"{room}/statements", new { kind = "general", text = "…" }))
            Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);

        // The moderator's takeaway points to Heidelberg's Digitallotsen, once Meetings and the library have the practice from Heidelberg's node.
        var digitallotsen = LibraryPracticeId.Of(Heidelberg, "digitallotsen");
        await Eventually.HoldsAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/library/practices/{digitallotsen}")).StatusCode), TimeSpan.FromSeconds(90));
        var takeaway = new
        {
            guidingQuestionId = mitarbeiter, text = "Digitallotsen in jedem Amt: die Metropolregion will Heidelbergs Konzept übernehmen.",
            practiceIds = new[] { digitallotsen },
        };
        await Eventually.HoldsAsync(async () =>
            Assert.Equal(HttpStatusCode.Created, (await iese.PostAsJsonAsync($"{room}/takeaways", takeaway)).StatusCode), TimeSpan.FromSeconds(30));
        await ReadAsync(await iese.PostAsync($"{room}/results", null), HttpStatusCode.OK);

        // Published: the Metropolregion's statement and the takeaway name the practice and its page.
        var statements = await ReadAsync(await anonymous.GetAsync($"{room}/statements?pageSize=200"), HttpStatusCode.OK);
        Assert.Contains(statements.GetProperty("items").EnumerateArray().SelectMany(s => s.GetProperty("practices").EnumerateArray()),
            p => p.GetProperty("page").GetString() == $"/praxisbeispiele/{digitallotsen}");
        var live = await ReadAsync(await metropolregion.GetAsync($"{room}/live"), HttpStatusCode.OK);
        var link = Assert.Single(live.GetProperty("takeaways").EnumerateArray().Single().GetProperty("practices").EnumerateArray());
        Assert.Equal("Digitallotsinnen und Digitallotsen", link.GetProperty("title").GetString());
        var markdown = await anonymous.GetStringAsync($"{room}/statements.md");
        Assert.Contains($"[Digitallotsinnen und Digitallotsen]({new Uri(Hub.Gateway, link.GetProperty("page").GetString())})", markdown);

        // The member concerned follows the link to the library and records its interest there.
        var practice = link.GetProperty("id").GetGuid();
        var interest = await ReadAsync(await metropolregion.PostAsJsonAsync($"/api/library/practices/{practice}/interests", new
        {
            statement = "Konzept der Digitallotsen der Stadt Heidelberg adaptieren und in die Welt tragen",
            source = detail.GetProperty("title").GetString(),
        }), HttpStatusCode.Created);
        var interests = await anonymous.GetFromJsonAsync<JsonElement>($"/api/library/practices/{practice}/interests");
        Assert.Contains(interests.EnumerateArray(), i => i.GetProperty("id").GetGuid() == interest.GetProperty("id").GetGuid()
            && i.GetProperty("source").GetString() == detail.GetProperty("title").GetString());
        Assert.Equal(Metropolregion, interest.GetProperty("member").GetProperty("id").GetGuid());
    }
}
