using System.Net;

namespace Kommune20.Registry.Tests;

/// <summary>The sign-in page runs under a content security policy with nothing inline; HEAD works on the Registry's API.</summary>
public sealed class LoginPageSecurityTests : IDisposable
{
    readonly RegistryApp _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task The_login_page_carries_the_security_headers_and_keeps_its_style_in_a_file()
    {
        using var browser = _registry.CreateClient();

        using var page = await browser.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script", html);

        using var styles = await browser.GetAsync("/account/login.css");
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
        Assert.Contains("focus-visible", await styles.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HEAD_on_the_member_list_answers_like_GET_without_a_body()
    {
        using var http = _registry.CreateClient();

        using var get = await http.GetAsync("/api/registry/members");
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/registry/members"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
