using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.Containers.Tests;

/// <summary>
/// The hub as docker-compose.yml runs it, every request through the gateway container: the member list, a token,
/// Heidelberg's node container pushing its practices that the library then finds, the portal's pages; then the
/// Library's container stopped and started again. One class, so that xunit runs these one after the other.
/// </summary>
public sealed class SmokeJourneyTests
{
    static readonly TimeSpan Propagation = TimeSpan.FromSeconds(120);
    // A public practice in Heidelberg's demo data (services/CityNode/Seed/heidelberg.json), which its node pushes at start.
    const string HeidelbergPractice = "Digitallotsinnen und Digitallotsen";

    readonly Deployment _deployment = new();

    [Fact]
    public async Task The_member_list_comes_from_the_registry_container()
    {
        using var http = _deployment.Client();

        var members = await http.GetFromJsonAsync<JsonElement>("/api/registry/members?pageSize=100");

        Assert.Contains(members.GetProperty("items").EnumerateArray(), member => member.GetProperty("name").GetString() == "Heidelberg");
    }

    [Fact]
    public async Task A_client_gets_a_token_at_the_gateway_and_the_registry_accepts_it()
    {
        var office = (await DemoCredentials.ReadAsync(_deployment.CredentialsFile)).ClientNamed("office-integration");
        using var http = _deployment.Client();

        using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = office.ClientId,
            ["client_secret"] = office.ClientSecret,
            ["scope"] = "kommune20",
        }));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        using var anonymous = await http.GetAsync("/api/registry/people");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/people");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var signedIn = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_library_finds_what_the_city_node_container_pushed()
    {
        using var http = _deployment.Client();

        await Eventually.HoldsAsync(async () => Assert.Contains(HeidelbergPractice, await SearchAsync(http)), Propagation);
    }

    [Fact]
    public async Task The_portal_renders_its_pages_through_the_gateway()
    {
        using var http = _deployment.Client();

        using var home = await http.GetAsync("/");
        using var members = await http.GetAsync("/mitglieder");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Kommune 2.0", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Contains("Heidelberg", await members.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_library_stopped_only_its_routes_answer_503_and_they_recover_when_it_returns()
    {
        using var http = _deployment.Client();
        await Eventually.HoldsAsync(async () => Assert.Contains(HeidelbergPractice, await SearchAsync(http)), Propagation);

        await _deployment.StopAsync("library");
        try
        {
            using var search = await http.GetAsync(SearchPath);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
            Assert.Equal("library", (await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").GetString());

            using var members = await http.GetAsync("/api/registry/members");
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, members.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await _deployment.StartAsync("library");
        }

        await Eventually.HoldsAsync(async () => Assert.Contains(HeidelbergPractice, await SearchAsync(http)), Propagation);
    }

    static readonly string SearchPath = "/api/library/practices?q=" + Uri.EscapeDataString("Digitallotsen");

    static async Task<string> SearchAsync(HttpClient http)
    {
        using var response = await http.GetAsync(SearchPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
