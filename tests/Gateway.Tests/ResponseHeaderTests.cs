using System.Net;
using System.Text.RegularExpressions;

namespace Kommune20.Gateway.Tests;

/// <summary>HEAD where GET works, and the browser-facing security headers, on the gateway's own answers and on what it passes on.</summary>
public sealed partial class ResponseHeaderTests
{
    [Theory]
    [InlineData("/api/registry/members")]    // an API behind the gateway
    [InlineData("/openapi/registry.json")]   // a service's document, with the path rewritten
    [InlineData("/health/live")]             // the gateway's own
    [InlineData("/api/docs/")]               // the API reference's page
    public async Task HEAD_answers_like_GET_without_a_body(string path)
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var http = hub.Gateway.CreateClient(new() { AllowAutoRedirect = false });

        using var get = await http.GetAsync(path);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_API_reference_runs_only_its_own_nonced_script_and_is_never_framed()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.Anonymous().GetAsync("/api/docs");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        var nonce = ScriptNonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(directive => directive.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(Regex.Matches(html, "<script[^>]*>"), script => Assert.Contains($"nonce=\"{nonce}\"", script.Value));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task HSTS_only_when_the_request_came_over_TLS()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var plain = hub.Anonymous();
        using var tls = hub.Gateway.CreateClient(new() { BaseAddress = new Uri("https://localhost/") });

        using var overPlain = await plain.GetAsync("/health/live");
        using var overTls = await tls.GetAsync("/health/live");

        Assert.False(overPlain.Headers.Contains("Strict-Transport-Security"));
        Assert.StartsWith("max-age=", Assert.Single(overTls.Headers.GetValues("Strict-Transport-Security")));
    }

    [GeneratedRegex("script-src[^;]*'nonce-([^']+)'")]
    private static partial Regex ScriptNonce();
}
