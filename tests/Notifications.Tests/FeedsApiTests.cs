using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kommune20.Testing;

namespace Kommune20.Notifications.Tests;

/// <summary>The feeds' addresses in-process: a wrong filter is a problem naming it, a feed of nothing is empty and cacheable.</summary>
public sealed class FeedsApiTests : IDisposable
{
    readonly IsolatedService<Program> _service = new("notifications");

    [Theory]
    [InlineData("/feeds/practices.atom?sdgTarget=18.1", "sdgTarget")]
    [InlineData("/feeds/practices.atom?memberId=heilbronn", "memberId")]
    public async Task A_wrong_library_filter_is_a_problem_naming_it(string path, string field)
    {
        using var http = _service.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task A_topic_longer_than_a_subscription_allows_is_a_problem_naming_the_topic()
    {
        using var http = _service.CreateClient();

        using var response = await http.GetAsync($"/feeds/topics/{new string('x', 201)}.atom");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("topic", out _));
    }

    [Fact]
    public async Task A_project_nobody_wrote_about_is_an_empty_feed_that_answers_304_to_its_etag()
    {
        using var http = _service.CreateClient();

        using var feed = await http.GetAsync("/feeds/projects/reallabor-ohne-neuigkeiten.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        Assert.True(feed.Headers.CacheControl?.Public);
        var atom = await feed.Content.ReadAsStringAsync();
        Assert.Contains("<title type=\"text\">reallabor-ohne-neuigkeiten – Neuigkeiten</title>", atom);
        Assert.DoesNotContain("<entry", atom);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/feeds/projects/reallabor-ohne-neuigkeiten.atom");
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(feed.Headers.ETag!.ToString()));
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(feed.Headers.ETag, notModified.Headers.ETag);
    }

    public void Dispose() => _service.Dispose();
}
