using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kommune20.Contracts.Federation;
using Kommune20.Testing;
using Xunit.Abstractions;

namespace Kommune20.EndToEnd.Tests.Instances;

/// <summary>
/// Two instances each of the library, Meetings and the portal behind one gateway, which takes them in turn: whichever
/// instance answers, the answer is the same; a session begun at one is known at the other; and when one instance stops
/// mid-stream, the gateway takes it out, and no practice or ballot is lost or counted twice. A city node on PostgreSQL
/// federates into this hub like one on SQLite.
/// </summary>
[Collection(TwiceFixture.Name)]
public sealed partial class TwiceBehindGatewayTests(TwiceFixture fixture, ITestOutputHelper output)
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task The_same_search_and_the_same_vote_read_are_answered_alike_by_either_instance()
    {
        var marker = Marker();
        await PublishAsync(marker, 0, 3);
        var (libraryA, libraryB) = fixture.Instances("library");
        foreach (var library in new[] { libraryA, libraryB })
            await FindsAsync(library, marker, 3);

        // Taken in turn, two calls through the gateway reach both instances; each instance is asked directly too. Each
        // instance indexes what arrives on its own, so the answers agree once both have indexed the same events (the
        // facets count Heidelberg's practices too, which its node may be pushing meanwhile). The relevance scores are
        // left out: Lucene counts a replaced document in its statistics until its segment merges, so an instance that
        // indexed a practice twice (from the database at start, then from its event) scores a little differently.
        var search = $"/api/library/practices?q=Digitallotsinnen&topic={marker}";
        await Eventually.HoldsAsync(async () =>
        {
            var answers = (await ReadAllAsync(search, "library")).Select(WithoutScores).ToList();
            Assert.Equal(3, JsonDocument.Parse(answers[0]).RootElement.GetProperty("total").GetInt32());
            Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        });

        var assembly = await AssemblyWithQuorumAsync();
        var vote = await assembly.OpenVoteAsync();
        foreach (var (name, choice) in new[] { ("heidelberg", "yes"), ("pforzheim", "no"), ("heilbronn", "abstain") })
            await assembly.CastAsync(name, Hub.Gateway, vote, choice);
        var open = await ReadAllAsync($"/api/meetings/votes/{vote}", "meetings", assembly.OfficeToken);
        Assert.All(open, read => Assert.Equal(open[0], read));
        using (var closed = await assembly.Office.PostAsync($"/api/meetings/votes/{vote}/close", null))
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var reads = await ReadAllAsync($"/api/meetings/votes/{vote}", "meetings", assembly.OfficeToken);
        Assert.Equal((1, 1, 1), Tally(reads[0]));
        Assert.All(reads, read => Assert.Equal(reads[0], read));
        var assemblyReads = await ReadAllAsync($"/api/meetings/assemblies/{assembly.Id}", "meetings", assembly.OfficeToken);
        Assert.All(assemblyReads, read => Assert.Equal(assemblyReads[0], read));
    }

    [Fact]
    public async Task A_city_node_on_postgresql_federates_its_portrait_to_both_library_instances_alike()
    {
        // The node keeps its records in PostgreSQL like the hub's services: it made no SQLite file.
        Assert.False(File.Exists(Path.Combine(Hub.DataDirectory, "heidelberg", "citynode.db")));

        var (libraryA, libraryB) = fixture.Instances("library");
        var portraits = new List<string>();
        foreach (var library in new[] { libraryA, libraryB })
        {
            using var visitor = new HttpClient { BaseAddress = library };
            var portrait = "";
            await Eventually.HoldsAsync(async () =>
            {
                using var response = await visitor.GetAsync($"/api/library/members/{PracticeSamples.Heidelberg}/portrait");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                portrait = await response.Content.ReadAsStringAsync();
            }, TimeSpan.FromSeconds(90));
            portraits.Add(portrait);
        }

        Assert.Equal("stadtprofil", JsonDocument.Parse(portraits[0]).RootElement.GetProperty("originId").GetString());
        Assert.Equal(portraits[0], portraits[1]);
    }

    [Fact]
    public async Task A_person_signed_in_at_one_portal_instance_is_known_at_the_other_and_posts_its_form_there()
    {
        var person = Hub.Credentials.PersonNamed("heidelberg");
        var cookies = new CookieContainer();
        // /anmelden and /signin-oidc are consecutive portal requests, so the gateway gives them to different instances:
        // the second reads the first's sign-in state.
        using (var signedIn = await Hub.SignIn.PortalSessionAsync(person.UserName, person.Password, "/abonnements", cookies))
        {
            var page = await signedIn.Content.ReadAsStringAsync();
            Assert.True(signedIn.StatusCode == HttpStatusCode.OK && signedIn.RequestMessage!.RequestUri!.AbsolutePath == "/abonnements", page);
            Assert.Contains($"Angemeldet: {person.Name}", WebUtility.HtmlDecode(page));
        }

        var (portalA, portalB) = fixture.Instances("portal");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        foreach (var site in new[] { portalA, portalB, Hub.Gateway, Hub.Gateway })
        {
            using var page = await browser.GetAsync(new Uri(site, "/abonnements"));
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{site}: {(int)page.StatusCode} {page.Headers.Location}");
            Assert.Contains($"Angemeldet: {person.Name}", html);
        }

        // The sign-out form of a page from instance A, posted to instance B: its antiforgery token holds there; without it, refused.
        var token = AntiforgeryField().Match(await browser.GetStringAsync(new Uri(portalA, "/abonnements")));
        Assert.True(token.Success);
        using (var forged = await browser.PostAsync(new Uri(portalB, "/abmelden"), new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var signedOut = await browser.PostAsync(new Uri(portalB, "/abmelden"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/connect/", signedOut.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task When_an_instance_stops_mid_stream_no_practice_or_ballot_is_lost_or_counted_twice()
    {
        var marker = Marker();
        var assembly = await AssemblyWithQuorumAsync();
        var vote = await assembly.OpenVoteAsync();
        var (meetingsA, meetingsB) = fixture.Instances("meetings");
        // Heidelberg votes no at B and changes to yes at A: one ballot.
        await assembly.CastAsync("heidelberg", meetingsB, vote, "no");
        await assembly.CastAsync("pforzheim", meetingsB, vote, "no");
        await assembly.CastAsync("heidelberg", meetingsA, vote, "yes");
        await assembly.CastAsync("heilbronn", meetingsA, vote, "abstain");
        await PublishAsync(marker, 0, 8);

        await Hub.Process("library-b").StopAsync();
        await Hub.Process("meetings-b").StopAsync();
        await PublishAsync(marker, 8, 20);

        // The gateway takes the stopped instances out: then every call answers.
        var taken = Stopwatch.StartNew();
        var failures = 0;
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        await Eventually.HoldsAsync(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                using var library = await visitor.GetAsync($"/api/library/practices?topic={marker}");
                using var meetings = await assembly.Office.GetAsync($"/api/meetings/votes/{vote}");
                failures += (library.IsSuccessStatusCode ? 0 : 1) + (meetings.IsSuccessStatusCode ? 0 : 1);
                Assert.True(library.IsSuccessStatusCode && meetings.IsSuccessStatusCode);
            }
        });
        output.WriteLine($"The gateway answered every call {taken.ElapsedMilliseconds} ms after the stop; {failures} calls failed before.");

        foreach (var name in new[] { "metropolregion", "merseburg" })
            await assembly.CastAsync(name, Hub.Gateway, vote, "yes");
        using (var closed = await assembly.Office.PostAsync($"/api/meetings/votes/{vote}/close", null))
        {
            Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
            Assert.Equal((3, 1, 1), Tally(await closed.Content.ReadAsStringAsync()));
        }

        var ids = await FindsAsync(Hub.Gateway, marker, 20);
        Assert.Equal(20, ids.Distinct().Count());

        // Back again, each catches up from the database: the library's own index, Meetings' closed tally.
        await Hub.RestartAsync("library-b");
        await Hub.RestartAsync("meetings-b");
        Assert.Equal(ids.Order(), (await FindsAsync(fixture.Instances("library").B, marker, 20)).Order());
        using var atB = SignIn.WithToken(meetingsB, assembly.OfficeToken);
        Assert.Equal((3, 1, 1), Tally(await atB.GetStringAsync($"/api/meetings/votes/{vote}")));
    }

    static string Marker() => "zweimal" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Heidelberg's Digitallotsen practice under the origin ids <c>marker-from</c> … <c>marker-(to-1)</c>, as Federation publishes it.</summary>
    async Task PublishAsync(string marker, int from, int to)
    {
        await using var federation = await Upstream.ConnectAsync(Hub.MessagingInstance);
        for (var i = from; i < to; i++)
            await federation.PublishAsync(new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, $"{marker}-{i}"),
                PracticeSamples.Digitallotsen() with { Topics = ["Verwaltung", marker] }));
    }

    /// <summary>Waits until <paramref name="site"/> finds <paramref name="count"/> practices under the marker; their ids.</summary>
    static async Task<List<Guid>> FindsAsync(Uri site, string marker, int count)
    {
        using var http = new HttpClient { BaseAddress = site };
        List<Guid> ids = [];
        await Eventually.HoldsAsync(async () =>
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/library/practices?topic={marker}&pageSize=100"));
            Assert.Equal(count, page.RootElement.GetProperty("total").GetInt32());
            ids = [.. page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("practice").GetProperty("id").GetGuid())];
        }, TimeSpan.FromSeconds(60));
        return ids;
    }

    /// <summary><paramref name="path"/>'s body from instance A and instance B of <paramref name="service"/> and twice through the gateway.</summary>
    async Task<string[]> ReadAllAsync(string path, string service, string? token = null)
    {
        var (a, b) = fixture.Instances(service);
        var bodies = new List<string>();
        foreach (var site in new[] { a, b, Hub.Gateway, Hub.Gateway })
        {
            using var http = token is null ? new HttpClient { BaseAddress = site } : SignIn.WithToken(site, token);
            bodies.Add(await http.GetStringAsync(path));
        }
        return [.. bodies];
    }

    static string WithoutScores(string answer)
    {
        var page = JsonNode.Parse(answer)!;
        foreach (var item in page["items"]!.AsArray())
            item!.AsObject().Remove("score");
        return page.ToJsonString();
    }

    static (int Yes, int No, int Abstain) Tally(string vote)
    {
        var root = JsonDocument.Parse(vote).RootElement;
        return (root.GetProperty("yes").GetInt32(), root.GetProperty("no").GetInt32(), root.GetProperty("abstain").GetInt32());
    }

    /// <summary>An assembly invited through the gateway, its motion on the agenda, five delegates checked in: quorate.</summary>
    async Task<AssemblyVote> AssemblyWithQuorumAsync()
    {
        var officeToken = await TokenAsync("geschaeftsstelle");
        var assembly = new AssemblyVote(Hub, officeToken, SignIn.WithToken(Hub.Gateway, officeToken));
        await assembly.PrepareAsync(async name => await TokenAsync(name));
        return assembly;
    }

    async Task<string> TokenAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
