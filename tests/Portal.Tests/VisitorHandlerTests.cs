using System.Net;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Portal.Tests;

/// <summary>The portal hands the gateway back the visitor it vouched for, and nothing when it vouched for none.</summary>
public sealed class VisitorHandlerTests
{
    [Fact]
    public async Task A_call_for_a_page_carries_the_visitor_the_gateway_named()
    {
        var page = new DefaultHttpContext();
        page.Request.Headers[VisitorHeader.Name] = "203.0.113.10; proof";

        Assert.Equal(["203.0.113.10; proof"], await SentVisitorAsync(page));
    }

    [Fact]
    public async Task A_call_without_a_visitor_carries_none()
    {
        Assert.Empty(await SentVisitorAsync(new DefaultHttpContext()));
        Assert.Empty(await SentVisitorAsync(null));
    }

    static async Task<IEnumerable<string>> SentVisitorAsync(HttpContext? page)
    {
        var gateway = new Recorder();
        using var client = new HttpClient(new VisitorHandler(new HttpContextAccessor { HttpContext = page }) { InnerHandler = gateway });
        await client.GetAsync("http://gateway.test/api/registry/members");
        return gateway.Request!.Headers.TryGetValues(VisitorHeader.Name, out var values) ? values : [];
    }

    sealed class Recorder : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
