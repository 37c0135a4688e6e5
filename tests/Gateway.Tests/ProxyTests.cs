using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;

namespace Kommune20.Gateway.Tests;

public sealed class ProxyTests
{
    static JsonContent NewMember() => JsonContent.Create(new { name = "Freiburg im Breisgau" });

    [Fact]
    public async Task Visitor_reads_the_member_list_through_the_gateway_in_the_callers_trace()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/members");
        request.Headers.Add("traceparent", $"00-{caller.TraceId}-{caller.SpanId}-01");

        using var response = await hub.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Heidelberg", await response.Content.ReadAsStringAsync());
        var received = Assert.Single(hub.Registry.Received);
        var forwarded = ActivityContext.Parse(received.TraceParent, null);
        Assert.Equal(caller.TraceId, forwarded.TraceId);
        Assert.NotEqual(caller.SpanId, forwarded.SpanId); // the gateway's own span sits in between
    }

    [Fact]
    public async Task Pages_no_API_claims_go_to_the_portal_while_the_gateway_keeps_its_own()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var http = hub.Anonymous();

        using var page = await http.GetAsync("/mitglieder?art=city");
        using var health = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var received = Assert.Single(hub.Registry.Received, request => request.Path != "/health/ready");
        Assert.Equal(("GET", "/mitglieder"), (received.Method, received.Path));
    }

    [Fact]
    public async Task The_calendar_feeds_go_to_Meetings_and_every_other_feed_to_Notifications_anonymously()
    {
        await using var upstream = await FakeRegistry.StartAsync();
        // Each destination carries a prefix, so what reaches the fake shows which cluster the gateway chose.
        using var gateway = new GatewayFactory(upstream.Address, new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:meetings:Destinations:meetings:Address"] = upstream.Address + "meetings/",
            ["ReverseProxy:Clusters:notifications:Destinations:notifications:Address"] = upstream.Address + "notifications/",
        });
        using var http = gateway.CreateClient();
        var heidelberg = Guid.NewGuid();

        foreach (var path in new[] { "/feeds/events.ics", $"/feeds/members/{heidelberg}/events.ics", $"/feeds/members/{heidelberg}.atom",
                     "/feeds/projects/reallabore-heilbronn.atom", "/feeds/practices.atom" })
            (await http.GetAsync(path)).Dispose();

        var paths = upstream.Received.Where(r => !r.Path.EndsWith("/health/ready", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        Assert.Equal(["/meetings/feeds/events.ics", $"/meetings/feeds/members/{heidelberg}/events.ics", $"/notifications/feeds/members/{heidelberg}.atom",
            "/notifications/feeds/projects/reallabore-heilbronn.atom", "/notifications/feeds/practices.atom"], paths);
    }

    [Fact]
    public async Task Write_without_a_token_is_turned_away_before_the_registry()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.Anonymous().PostAsync("/api/registry/members", NewMember());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(hub.Registry.Received);
    }

    [Theory]
    [MemberData(nameof(ForgedTokens.Kinds), MemberType = typeof(ForgedTokens))]
    public async Task A_forged_office_token_is_turned_away_before_the_registry(string forgery)
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var http = hub.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            ForgedTokens.Make(forgery, TestTokens.SigningKey, TestTokens.Issuer, Guid.NewGuid()));

        using var response = await http.PostAsync("/api/registry/members", NewMember());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(hub.Registry.Received);
    }

    [Fact]
    public async Task City_editor_may_not_write_to_the_registry()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.SignedIn("editor-heidelberg", Roles.CityEditor).PostAsync("/api/registry/members", NewMember());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(hub.Registry.Received);
    }

    [Fact]
    public async Task Office_writes_reach_the_registry_with_the_token()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.SignedIn("geschaeftsstelle", Roles.Office).PostAsync("/api/registry/members", NewMember());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var received = Assert.Single(hub.Registry.Received);
        Assert.Equal("POST", received.Method);
        Assert.StartsWith("Bearer ", received.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Federation_call_without_a_token_is_turned_away()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.Anonymous().PostAsync("/kommune20.registry.v1.Registry/GetMember", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_reference_is_browsable()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.Anonymous().GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/registry.json\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registry_document_is_served_under_the_registrys_name()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.Anonymous().GetAsync("/openapi/registry.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"title\":\"Registry\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("/openapi/v1.json", Assert.Single(hub.Registry.Received).Path);
    }

    [Fact]
    public async Task A_body_over_one_MiB_gets_413_at_the_gateway_and_never_reaches_the_service()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var office = hub.SignedIn("office-person", Roles.Office);

        using var response = await office.PostAsync("/api/registry/members", new StringContent(new string(' ', 1024 * 1024 + 1), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(hub.Registry.Received);
    }
}
