using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>
/// The library's promise, end to end: Heidelberg's practice arrives as the federation's event on the real broker, the
/// library (a real process) indexes it, and visitors and members search and adopt it through the gateway.
/// </summary>
[Collection(SharedHub.Name)]
public sealed class LibraryThroughGatewayTests(ObservedHub fixture)
{
    Hub Hub => fixture.Hub;

    // Longer than a search may be (the library allows 500 characters).
    const string TooLong = "Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-"
        + "Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-"
        + "Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-"
        + "Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-"
        + "Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen-Digitallotsinnen-und-Digitallotsen";

    static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    async Task<HttpClient> SignedInAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    /// <summary>Publishes Heidelberg's Digitallotsen practice under an id of this test and waits until the gateway finds it.</summary>
    async Task<Guid> PublishDigitallotsenAsync(HttpClient http)
    {
        var originId = "digitallotsen-" + Guid.NewGuid().ToString("N")[..12];
        var marker = "e2e-" + originId;
        await using (var federation = await Upstream.ConnectAsync(Hub.MessagingInstance))
        {
            await federation.PublishAsync(new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, originId),
                PracticeSamples.Digitallotsen() with { Topics = ["Verwaltung", marker] }));
        }

        var id = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/library/practices?topic={marker}"));
            id = page.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("practice").GetProperty("id").GetGuid();
        });
        return id;
    }

    static IEnumerable<JsonElement> Items(JsonDocument page) => page.RootElement.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task Searching_Digitallotsinnen_finds_Heidelbergs_practice_with_a_snippet_and_facets_and_filters_work()
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        var id = await PublishDigitallotsenAsync(http);

        using var found = JsonDocument.Parse(await http.GetStringAsync("/api/library/practices?q=Digitallotsinnen&pageSize=100"));
        var hit = Items(found).Single(item => item.GetProperty("practice").GetProperty("id").GetGuid() == id);
        Assert.Equal("Digitallotsinnen und Digitallotsen", hit.GetProperty("practice").GetProperty("title").GetString());
        Assert.Equal("Heidelberg", hit.GetProperty("practice").GetProperty("city").GetString());
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString());
        Assert.Contains(found.RootElement.GetProperty("facets").GetProperty("sdg").EnumerateArray(), f => f.GetProperty("value").GetString() == "16.6");

        foreach (var filter in new[] { "sdg=16.6", "city=Heidelberg", "sdg=16.6&city=Heidelberg" })
        {
            using var filtered = JsonDocument.Parse(await http.GetStringAsync($"/api/library/practices?q=Digitallotsinnen&{filter}&pageSize=100"));
            Assert.Contains(Items(filtered), item => item.GetProperty("practice").GetProperty("id").GetGuid() == id);
            Assert.All(Items(filtered), item =>
            {
                if (filter.Contains("sdg"))
                    Assert.Contains("16.6", item.GetProperty("practice").GetProperty("sdgTargets").EnumerateArray().Select(t => t.GetString()));
                if (filter.Contains("city"))
                    Assert.Equal("Heidelberg", item.GetProperty("practice").GetProperty("city").GetString());
            });
        }

        using var elsewhere = JsonDocument.Parse(await http.GetStringAsync("/api/library/practices?q=Digitallotsinnen&city=Heilbronn&pageSize=100"));
        Assert.DoesNotContain(Items(elsewhere), item => item.GetProperty("practice").GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Pforzheim_declares_its_adoption_and_only_Heidelbergs_confirmation_makes_it_verified()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        var id = await PublishDigitallotsenAsync(anonymous);
        using var pforzheim = await SignedInAsync("pforzheim");
        using var heidelberg = await SignedInAsync("heidelberg");

        using var declared = await pforzheim.PostAsync($"/api/library/practices/{id}/adoptions", JsonBody("""
            {"stage":"adopted","changes":"Ausbildung über das vom Innenministerium Baden-Württemberg geförderte Programm",
             "since":"2019-01-01","outcomes":[{"value":7,"label":"Digitallotsen ausgebildet"},{"value":2,"label":"davon Personalräte"}]}
            """));
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        var adoption = JsonDocument.Parse(await declared.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using var byPforzheim = await pforzheim.PostAsync($"/api/library/practices/{id}/adoptions/{adoption}/confirmation", null);
        Assert.Equal(HttpStatusCode.Forbidden, byPforzheim.StatusCode);
        using (var unverified = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/library/practices/{id}/adoptions")))
            Assert.Equal(0, unverified.RootElement.GetProperty("verified").GetInt32());

        using var byHeidelberg = await heidelberg.PostAsync($"/api/library/practices/{id}/adoptions/{adoption}/confirmation", null);
        Assert.Equal(HttpStatusCode.OK, byHeidelberg.StatusCode);

        using var practice = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/library/practices/{id}"));
        var adoptions = practice.RootElement.GetProperty("adoptions");
        Assert.Equal(1, adoptions.GetProperty("verified").GetInt32());
        var shown = Assert.Single(adoptions.GetProperty("items").EnumerateArray());
        Assert.Equal("Pforzheim", shown.GetProperty("adopter").GetProperty("name").GetString());
        Assert.Equal(7, shown.GetProperty("outcomes")[0].GetProperty("value").GetDecimal());
        Assert.True(shown.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task The_gateway_lets_only_city_editors_write_and_reads_stay_open()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        var id = await PublishDigitallotsenAsync(anonymous);
        var declaration = """{"stage":"adapting"}""";

        using var unauthenticated = await anonymous.PostAsync($"/api/library/practices/{id}/adoptions", JsonBody(declaration));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        using var merseburg = await SignedInAsync("merseburg");
        using var delegateOnly = await merseburg.PostAsync($"/api/library/practices/{id}/adoptions", JsonBody(declaration));
        Assert.Equal(HttpStatusCode.Forbidden, delegateOnly.StatusCode);

        using var catalogue = await anonymous.GetAsync("/api/library/catalog.ttl");
        Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        Assert.Contains($"/api/library/practices/{id}>", await catalogue.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("q=" + TooLong, "q")]
    [InlineData("sdg=16.66", "sdg")]
    [InlineData("period=irgendwann", "period")]
    [InlineData("page=null", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("q=Digi*%20Lots*%20B%C3%BCrger*%20Heidel~1%20Stadt~", "q")]
    [InlineData("adopted=vielleicht", "adopted")]
    public async Task Malformed_queries_and_filters_get_400_naming_the_parameter(string query, string parameter)
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        using var response = await http.GetAsync("/api/library/practices?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("Digitallots:innen")]
    [InlineData("title:(\"")]
    [InlineData("*~^[]{}\\")]
    public async Task Odd_query_strings_do_not_break_the_engine(string q)
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        using var response = await http.GetAsync("/api/library/practices?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
