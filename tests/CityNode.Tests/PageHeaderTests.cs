using System.Net;

namespace Kommune20.CityNode.Tests;

/// <summary>The node's pages carry the shared security headers and answer HEAD like GET.</summary>
[Collection(NodeCollection.Name)]
public sealed class PageHeaderTests(CityNodeFactory node)
{
    [Fact]
    public async Task A_page_runs_only_the_nodes_own_files_and_is_never_framed()
    {
        using var client = node.CreateClient();

        using var page = await client.GetAsync("/nicht-gefunden");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.True(page.Headers.Contains("Referrer-Policy"));
        Assert.DoesNotContain("style=", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HEAD_on_a_page_answers_like_GET_without_a_body()
    {
        using var client = node.CreateClient();

        using var get = await client.GetAsync("/nicht-gefunden");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/nicht-gefunden"));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
