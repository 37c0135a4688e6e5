using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// The assemblies as OParl 1.1 through the gateway, as a council-information client reads them: the demo's 6th general
/// assembly and one with a closed vote and final minutes, walked from <c>/oparl/v1.1</c> through every list and
/// reference and validated against the official schemas; a draft never appears.
/// </summary>
public sealed class OParlWalkTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task The_walk_from_the_system_validates_and_every_reference_resolves()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        await Eventually.HoldsAsync(async () => Assert.Contains("6. Mitgliederversammlung",
            await anonymous.GetStringAsync("/api/meetings/assemblies")), TimeSpan.FromSeconds(60));
        using var office = await SignedInAsync(OfficePeople.Demo);
        var (decided, draft) = (await AssemblyWithClosedVoteAsync(office), await DraftAsync(office));
        await MakeMinutesFinalAsync(office, decided);

        var publicBase = Hub.Gateway.AbsoluteUri;
        var walk = new OParlWalk(anonymous, await OParlSchemas.LoadAsync(), publicBase);
        await walk.RunAsync(new Uri(Hub.Gateway, "/oparl/v1.1").AbsoluteUri);

        Assert.Equal(["System", "Body", "Organization", "Person", "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location"],
            ["System", "Body", .. walk.Types.Where(t => t is not "System" and not "Body").Order(TypeOrder.Instance)]);
        Assert.True(walk.ListPages > 10, "the lists were walked page by page");
        var meetings = walk.OfType("Meeting").ToList();
        Assert.Equal(2, meetings.Count);
        Assert.Contains(meetings, m => m.GetProperty("name").GetString()!.StartsWith("6. Mitgliederversammlung"));
        Assert.DoesNotContain(walk.Objects, o => o.ToString().Contains(draft.ToString()));
        using (var hidden = await anonymous.GetAsync($"/oparl/v1.1/meetings/{draft}"))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var meeting = meetings.Single(m => m.GetProperty("id").GetString()!.EndsWith(decided.ToString()));
        Assert.Equal("angenommen (Ja 4, Nein 1, Enthaltung 0)", meeting.GetProperty("agendaItem")[0].GetProperty("result").GetString());
        Assert.Equal($"{publicBase}api/meetings/assemblies/{decided}/minutes.pdf",
            meeting.GetProperty("resultsProtocol").GetProperty("accessUrl").GetString());
        Assert.Equal("text/html", meeting.GetProperty("auxiliaryFile")[0].GetProperty("mimeType").GetString());
        Assert.Equal(2, walk.OfType("File").Count());
        Assert.Equal(["Geschäftsstelle", "Geschäftsstelle Kommune 2.0 e. V.", "Max Schulze-Vorberg"],
            walk.OfType("Person").Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        // The assembly and the 8 voting members of the demo register; the demo motion's filer among them.
        Assert.Equal(9, walk.OfType("Organization").Count());
        var demoMotion = walk.OfType("Paper").Single(p => p.GetProperty("name").GetString() == "Das Konzept der Digitallotsen im Netzwerk verbreiten");
        Assert.Contains(demoMotion.GetProperty("originatorOrganization")[0].GetString(), walk.OfType("Organization").Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Lists_bound_their_pages_and_filter_by_date()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        await Eventually.HoldsAsync(async () => Assert.Contains("6. Mitgliederversammlung",
            await anonymous.GetStringAsync("/api/meetings/assemblies")), TimeSpan.FromSeconds(60));

        var big = await anonymous.GetFromJsonAsync<JsonElement>("/oparl/v1.1/bodies/kommune20/agenda-items?limit=100000");
        Assert.Equal(100, big.GetProperty("pagination").GetProperty("elementsPerPage").GetInt32());
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(1).ToString("O"));
        var none = await anonymous.GetFromJsonAsync<JsonElement>($"/oparl/v1.1/bodies/kommune20/meetings?created_since={future}");
        Assert.Equal(0, none.GetProperty("pagination").GetProperty("totalElements").GetInt32());
        var all = await anonymous.GetFromJsonAsync<JsonElement>("/oparl/v1.1/bodies/kommune20/meetings?created_until=" + future);
        Assert.True(all.GetProperty("pagination").GetProperty("totalElements").GetInt32() >= 1);

        using var wrong = await anonymous.GetAsync("/oparl/v1.1/bodies/kommune20/meetings?modified_since=gestern");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("modified_since", out _));
        using var unknown = await anonymous.GetAsync("/oparl/v1.1/bodies/kommune20/committees");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var write = await anonymous.PostAsync("/oparl/v1.1", null);
        Assert.NotEqual(HttpStatusCode.OK, write.StatusCode);
    }

    /// <summary>An assembly like the one in <see cref="AssemblyThroughGatewayTests"/>, cut down to one motion passed 4 to 1.</summary>
    async Task<Guid> AssemblyWithClosedVoteAsync(HttpClient office)
    {
        var assembly = await CreateAsync(office, "7. Mitgliederversammlung");
        var motion = await IdOf(await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/motions",
            new { title = "Haushaltsplan 2027", text = "Die Versammlung beschließt den Haushaltsplan 2027.", kind = "resolution" }));
        await IdOf(await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/agenda", new { title = "Haushaltsplan", motionId = motion }));
        await IdOf(await office.PostAsync($"/api/meetings/assemblies/{assembly}/invitation", null));

        var voters = new[] { ("heidelberg", "yes"), ("pforzheim", "yes"), ("heilbronn", "yes"), ("metropolregion", "yes"), ("merseburg", "no") };
        var delegates = new Dictionary<string, HttpClient>();
        foreach (var (name, _) in voters)
        {
            delegates[name] = await SignedInAsync(name);
            var delegateId = await IdOf(await delegates[name].PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/delegates", new { }));
            using var checkedIn = await office.PostAsync($"/api/meetings/assemblies/{assembly}/delegates/{delegateId}/check-in", null);
            Assert.True(checkedIn.IsSuccessStatusCode, await checkedIn.Content.ReadAsStringAsync());
        }
        var vote = await IdOf(await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/votes", new { motionId = motion, secret = false }));
        foreach (var (name, choice) in voters)
            using (var cast = await delegates[name].PostAsJsonAsync($"/api/meetings/votes/{vote}/ballots",
                       new { memberId = Hub.Credentials.PersonNamed(name).MemberId, choice }))
                Assert.True(cast.IsSuccessStatusCode, await cast.Content.ReadAsStringAsync());
        using (var closed = await office.PostAsync($"/api/meetings/votes/{vote}/close", null))
            Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        foreach (var http in delegates.Values)
            http.Dispose();
        return assembly;
    }

    async Task<Guid> DraftAsync(HttpClient office)
    {
        var draft = await CreateAsync(office, "Entwurf: außerordentliche Mitgliederversammlung");
        await IdOf(await office.PostAsJsonAsync($"/api/meetings/assemblies/{draft}/agenda", new { title = "Noch nicht eingeladen" }));
        return draft;
    }

    /// <summary>
    /// Final minutes the way the office makes them: generated, approved by the chair (the demo's office person) and by the
    /// minute-taker (a second person of the office), each approval through the gateway.
    /// </summary>
    async Task MakeMinutesFinalAsync(HttpClient office, Guid assembly)
    {
        var minutes = $"/api/meetings/assemblies/{assembly}/minutes";
        Assert.Equal("draft", await StatusOf(await office.PostAsync(minutes, null)));
        Assert.Equal("draft", await StatusOf(await office.PostAsJsonAsync($"{minutes}/approval", new { @as = "chair" })));
        using var minuteTaker = await OfficePeople.NewSignedInAsync(Hub, "Erika Protokoll");
        Assert.Equal("final", await StatusOf(await minuteTaker.PostAsJsonAsync($"{minutes}/approval", new { @as = "minute-taker" })));
    }

    async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}\n{Hub.Process("meetings").RecentLog}");
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
        }
    }

    async Task<Guid> CreateAsync(HttpClient office, string title)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(35);
        return await IdOf(await office.PostAsJsonAsync("/api/meetings/assemblies", new
        {
            title,
            startsAt,
            endsAt = startsAt.AddHours(6),
            place = "Heilbronn",
            chair = "Max Schulze-Vorberg",
            minuteTaker = "Geschäftsstelle",
        }));
    }

    async Task<HttpClient> SignedInAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    async Task<Guid> IdOf(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}\n{Hub.Process("meetings").RecentLog}");
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }
    }

    /// <summary>The order of OParl's schema chapter, so the assertion reads like it.</summary>
    sealed class TypeOrder : IComparer<string>
    {
        public static readonly TypeOrder Instance = new();
        static readonly string[] Order = ["Organization", "Person", "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location"];

        public int Compare(string? x, string? y) => Array.IndexOf(Order, x).CompareTo(Array.IndexOf(Order, y));
    }
}
