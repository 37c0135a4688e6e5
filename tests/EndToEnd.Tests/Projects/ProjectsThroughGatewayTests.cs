using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.EndToEnd.Tests.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Projects;

/// <summary>
/// Pilot projects through the gateway, as cities, partners and the office work with them: the demo's Reallabor of
/// Heilbronn; a project taken through every phase, with the transitions the rules refuse (409 with the reason) and the
/// people who may not act (403); updates from a partner, from a partner of another project and from city nodes, one of
/// them from a city that does not take part, quarantined and reported back to its node; the lead city's transfer report
/// published from its node as a practice naming the project, and the projects in the open-data catalogue.
/// </summary>
[Collection(SharedHub.Name)]
public sealed class ProjectsThroughGatewayTests(ObservedHub fixture)
{
    static readonly Guid Heilbronn = Guid.Parse("6b0e2f1a-0005-4c20-9a20-000000000005");
    static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    static readonly Guid FraunhoferIese = Guid.Parse("6b0e2f1a-0010-4c20-9a20-000000000010");

    Hub Hub => fixture.Hub;

    [Fact]
    public async Task Heilbronns_Reallabor_is_at_its_address_with_partner_milestones_and_the_Vernissage_Digital()
    {
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        JsonElement project = default;
        await Eventually.HoldsAsync(async () => project = await visitor.GetFromJsonAsync<JsonElement>("/api/projects/reallabore-heilbronn"));

        Assert.Equal("running", project.GetProperty("phase").GetString());
        Assert.Equal(Heilbronn, project.GetProperty("leadMemberId").GetGuid());
        Assert.Contains(project.GetProperty("partners").EnumerateArray(), p => p.GetProperty("name").GetString() == "KPMG AG Wirtschaftsprüfungsgesellschaft");
        var overdue = project.GetProperty("milestones").EnumerateArray().Where(m => m.GetProperty("isOverdue").GetBoolean()).ToList();
        Assert.Equal("Rückmeldungen der Vernissage dem Gemeinderat vorlegen", Assert.Single(overdue).GetProperty("title").GetString());
        var vernissage = project.GetProperty("acceptance").EnumerateArray().Single(m => m.GetProperty("title").GetString() == "Vernissage Digital");
        Assert.Equal(["staff", "council", "citizens"], vernissage.GetProperty("audienceGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(67.7m, vernissage.GetProperty("approvalPercent").GetDecimal()); // (112 + 104) of (158 + 161)

        var running = await visitor.GetFromJsonAsync<JsonElement>("/api/projects?phase=running&pageSize=100");
        Assert.Contains(running.GetProperty("items").EnumerateArray(), p => p.GetProperty("key").GetString() == "reallabore-heilbronn");
        using var badPhase = await visitor.GetAsync("/api/projects?phase=laufend");
        await AssertProblemAsync(badPhase, HttpStatusCode.BadRequest, field: "phase");
    }

    [Fact]
    public async Task A_project_goes_through_every_phase_and_the_rules_refuse_what_a_Reallabor_may_not_do()
    {
        using var heilbronn = await SignedInAsync("heilbronn");
        using var office = await SignedInAsync("geschaeftsstelle");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var key = "reallabor-parken-" + Guid.NewGuid().ToString("N")[..8];

        using (var proposed = await heilbronn.PostAsJsonAsync("/api/projects", Proposal(key, today.AddDays(-1), today.AddDays(180))))
            await Succeeded(proposed);
        using (var duplicate = await heilbronn.PostAsJsonAsync("/api/projects", Proposal(key, today, today.AddDays(30))))
            await AssertProblemAsync(duplicate, HttpStatusCode.BadRequest, field: "key");

        // Not before the office approved it, and not approved by the lead city itself.
        await RefusedAsync(heilbronn, key, "running", HttpStatusCode.Conflict, "nur nach");
        await RefusedAsync(heilbronn, key, "approved", HttpStatusCode.Forbidden, "Geschäftsstelle");
        await MovesAsync(office, key, "approved");
        await RefusedAsync(office, key, "running", HttpStatusCode.Forbidden, "federführende Stadt");
        await MovesAsync(heilbronn, key, "running");
        await RefusedAsync(heilbronn, key, "proposed", HttpStatusCode.Conflict, "nur nach");

        using (var extended = await heilbronn.PostAsJsonAsync($"/api/projects/{key}/extensions",
                   new { endsOn = today.AddDays(240), reason = "Die Auswertung der Parksensoren braucht einen Winter mehr." }))
            Assert.Equal(today.AddDays(240), DateOnly.Parse((await Succeeded(extended)).GetProperty("endsOn").GetString()!));
        using (var shorter = await heilbronn.PostAsJsonAsync($"/api/projects/{key}/extensions", new { endsOn = today.AddDays(10), reason = "kürzer" }))
            await AssertProblemAsync(shorter, HttpStatusCode.Conflict, detailPart: "nach den");

        await MovesAsync(heilbronn, key, "evaluating");
        await MovesAsync(heilbronn, key, "completed");
        await RefusedAsync(heilbronn, key, "running", HttpStatusCode.Conflict, "keine Phase mehr");

        var project = await heilbronn.GetFromJsonAsync<JsonElement>($"/api/projects/{key}");
        Assert.Equal("completed", project.GetProperty("phase").GetString());
        var history = project.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["proposed", "approved", "running", "running", "evaluating", "completed"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("Max Schulze-Vorberg", history[1].GetProperty("byName").GetString());
        Assert.Equal(today.AddDays(180), DateOnly.Parse(history[3].GetProperty("previousEnd").GetString()!));
    }

    [Fact]
    public async Task A_Reallabor_does_not_run_past_its_end_until_it_is_extended()
    {
        using var heilbronn = await SignedInAsync("heilbronn");
        using var office = await SignedInAsync("geschaeftsstelle");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var key = "reallabor-spaet-" + Guid.NewGuid().ToString("N")[..8];
        using (var proposed = await heilbronn.PostAsJsonAsync("/api/projects", Proposal(key, today.AddDays(-90), today.AddDays(-2))))
            await Succeeded(proposed);
        await MovesAsync(office, key, "approved");

        await RefusedAsync(heilbronn, key, "running", HttpStatusCode.Conflict, "Laufzeit endete");
        using (var extended = await heilbronn.PostAsJsonAsync($"/api/projects/{key}/extensions", new { endsOn = today.AddDays(60), reason = "Verspäteter Start." }))
            await Succeeded(extended);
        await MovesAsync(heilbronn, key, "running");
    }

    [Fact]
    public async Task Partners_post_to_their_own_project_only_and_a_city_that_does_not_take_part_is_quarantined()
    {
        using var heilbronn = await SignedInAsync("heilbronn");
        using var iese = await SignedInAsync("moderation-iese");
        using var heidelberg = await SignedInAsync("heidelberg");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var key = "reallabor-daten-" + Guid.NewGuid().ToString("N")[..8];
        using (var proposed = await heilbronn.PostAsJsonAsync("/api/projects", Proposal(key, today, today.AddDays(200))))
            await Succeeded(proposed);

        // Fraunhofer IESE accompanies this project, not Heilbronn's Reallabore; Heidelberg takes part in neither.
        using (var partner = await iese.PostAsJsonAsync($"/api/projects/{key}/updates", new { title = "Datenmodell abgestimmt", text = "Die Schnittstellen stehen." }))
            Assert.Equal(HttpStatusCode.Created, partner.StatusCode);
        using (var otherProject = await iese.PostAsJsonAsync("/api/projects/reallabore-heilbronn/updates", new { title = "Hinweis", text = "Von außen." }))
            await AssertProblemAsync(otherProject, HttpStatusCode.Forbidden, titlePart: "wirken an diesem Projekt nicht mit");
        using (var outsider = await heidelberg.PostAsJsonAsync($"/api/projects/{key}/updates", new { title = "Hinweis", text = "Von außen." }))
            await AssertProblemAsync(outsider, HttpStatusCode.Forbidden, titlePart: "wirken an diesem Projekt nicht mit");
        using (var empty = await heilbronn.PostAsJsonAsync($"/api/projects/{key}/updates", new { title = "", text = "Ohne Titel." }))
            await AssertProblemAsync(empty, HttpStatusCode.BadRequest, field: "title");

        // From the cities' nodes: Heilbronn's update is shown; Heidelberg's is quarantined, never shown, and its node is told why.
        var heilbronnNode = await Hub.StartCityNodeAsync("heilbronn", "node-heilbronn");
        var heidelbergNode = await Hub.StartCityNodeAsync("heidelberg", "node-heidelberg");
        using var heilbronnEditor = await CityNodeEditor.SignInAsync(Hub, heilbronnNode, "heilbronn");
        using var heidelbergEditor = await CityNodeEditor.SignInAsync(Hub, heidelbergNode, "heidelberg");
        var update = new ProjectUpdateRecord(key, "Sensoren montiert", "Vierzig Parksensoren in der Innenstadt.", today, Visibility.Public);
        using (var posted = await heilbronnEditor.Http.PostAsJsonAsync("/api/node/project-updates", new { id = "sensoren", record = update }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using (var posted = await heidelbergEditor.Http.PostAsJsonAsync("/api/node/project-updates",
                   new { id = "einmischung", record = update with { Title = "Von Heidelberg" } }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        await Eventually.HoldsAsync(async () =>
        {
            var state = await heidelbergEditor.FederationAsync();
            var rejected = Assert.Single(state.Rejected, r => r.Id == "einmischung");
            Assert.Equal("permission-denied", rejected.Code);
            Assert.Contains("nimmt am Projekt", rejected.Reason);
        }, TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () =>
        {
            var project = await heilbronn.GetFromJsonAsync<JsonElement>($"/api/projects/{key}");
            var titles = project.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("title").GetString()).ToList();
            Assert.Contains("Sensoren montiert", titles);
            Assert.Contains("Datenmodell abgestimmt", titles);
            Assert.DoesNotContain("Von Heidelberg", titles);
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_lead_citys_transfer_report_is_a_practice_the_library_finds_and_the_project_shows()
    {
        using var pforzheim = await SignedInAsync("pforzheim");
        using var office = await SignedInAsync("geschaeftsstelle");
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var key = "reallabor-transfer-" + Guid.NewGuid().ToString("N")[..8];
        var marker = "Transfer" + Guid.NewGuid().ToString("N")[..8];
        using (var proposed = await pforzheim.PostAsJsonAsync("/api/projects", Proposal(key, today.AddDays(-1), today.AddDays(180))))
            await Succeeded(proposed);
        await MovesAsync(office, key, "approved");
        foreach (var phase in new[] { "running", "evaluating", "completed" })
            await MovesAsync(pforzheim, key, phase);

        // Pforzheim leads the project; the Metropolregion takes part and writes about it too, but its practice is not the report.
        var pforzheimNode = await Hub.StartCityNodeAsync("pforzheim", "node-pforzheim");
        var metropolregionNode = await Hub.StartCityNodeAsync("metropolregion", "relay-metropolregion");
        using var pforzheimEditor = await CityNodeEditor.SignInAsync(Hub, pforzheimNode, "pforzheim");
        using var metropolregionEditor = await CityNodeEditor.SignInAsync(Hub, metropolregionNode, "metropolregion");
        var report = PracticeSamples.Digitallotsen() with
        {
            Title = "Transferbericht: Parken in der Innenstadt",
            Description = "Was funktioniert hat: die Anzeige freier Plätze. Was nicht funktioniert hat: Sensoren unter Schnee. "
                + "Kosten: 120.000 Euro. Was eine andere Stadt zur Übernahme braucht: ein offenes Datenmodell und vierzig Sensoren.",
            Topics = [marker],
            SourceProjectKey = key,
        };
        using (var published = await metropolregionEditor.PublishAsync("blick-auf-das-parken", report with { Title = "Unser Blick auf das Parken" }))
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        using (var published = await pforzheimEditor.PublishAsync("transferbericht-parken", report))
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        using (var malformed = await pforzheimEditor.PublishAsync("falscher-schluessel", report with { SourceProjectKey = "Parken!" }))
            await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, field: "record.sourceProjectKey");

        await Eventually.HoldsAsync(async () =>
        {
            var found = await visitor.GetFromJsonAsync<JsonElement>($"/api/library/practices?q=Transferbericht&topic={marker}");
            var hit = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("practice");
            Assert.Equal(Pforzheim, hit.GetProperty("originMemberId").GetGuid());
            Assert.Equal(key, hit.GetProperty("sourceProjectKey").GetString());
            var both = await visitor.GetFromJsonAsync<JsonElement>($"/api/library/practices?topic={marker}");
            Assert.Equal(2, both.GetProperty("total").GetInt32());
        }, TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () =>
        {
            var project = await visitor.GetFromJsonAsync<JsonElement>($"/api/projects/{key}");
            var transferReport = project.GetProperty("transferReport");
            Assert.Equal(JsonValueKind.Object, transferReport.ValueKind);
            Assert.Equal(Pforzheim, transferReport.GetProperty("originMemberId").GetGuid());
            Assert.Equal("transferbericht-parken", transferReport.GetProperty("originId").GetString());
            Assert.Equal("Transferbericht: Parken in der Innenstadt", transferReport.GetProperty("title").GetString());
        }, TimeSpan.FromSeconds(60));

        // Open data: the project is a dataset of the projects' catalogue, which the library's catalogue names as its part.
        var projects = await visitor.GetStringAsync("/api/projects/catalog.ttl");
        Assert.Contains($"/api/projects/{key}> a dcat:Dataset", projects);
        Assert.Contains($"/api/federation/practices/{Pforzheim}/transferbericht-parken>", projects);
        using var jsonLd = JsonDocument.Parse(await visitor.GetStringAsync("/api/projects/catalog.jsonld"));
        Assert.Contains(jsonLd.RootElement.GetProperty("@graph").EnumerateArray(), node => node.GetProperty("@id").GetString()!.EndsWith($"/api/projects/{key}"));
        Assert.Contains("dcat:catalog <", await visitor.GetStringAsync("/api/library/catalog.ttl"));
    }

    static object Proposal(string key, DateOnly startsOn, DateOnly endsOn) => new
    {
        key,
        title = "Reallabor Parken in der Innenstadt",
        fieldOfAction = "Zukunftsfähige Mobilität",
        goal = "Freie Parkplätze in Echtzeit anzeigen und den Suchverkehr senken.",
        hypothesis = "Wer freie Plätze sieht, sucht kürzer; die Bürgerschaft nimmt die Anzeige an.",
        participantIds = new[] { Metropolregion },
        partners = new[] { new { name = "Fraunhofer IESE", role = "entwirft das Datenmodell", memberId = (Guid?)FraunhoferIese } },
        startsOn,
        endsOn,
        budgetEuros = 120000,
        fundingProgramme = "Modellprojekte Smart Cities",
    };

    async Task MovesAsync(HttpClient http, string key, string phase)
    {
        using var moved = await http.PostAsJsonAsync($"/api/projects/{key}/phase", new { phase, reason = $"Nach {phase}." });
        Assert.Equal(phase, (await Succeeded(moved)).GetProperty("phase").GetString());
    }

    static async Task RefusedAsync(HttpClient http, string key, string phase, HttpStatusCode status, string part)
    {
        using var refused = await http.PostAsJsonAsync($"/api/projects/{key}/phase", new { phase });
        Assert.Equal(status, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(part, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString());
    }

    /// <summary>The answer's body; on a failure the message carries the Projects service's recent log.</summary>
    async Task<JsonElement> Succeeded(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}\n{Hub.Process("projects").RecentLog}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? titlePart = null,
        string? detailPart = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        if (titlePart is not null)
            Assert.Contains(titlePart, problem.GetProperty("title").GetString());
        if (detailPart is not null)
            Assert.Contains(detailPart, problem.GetProperty("detail").GetString());
    }

    async Task<HttpClient> SignedInAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }
}
