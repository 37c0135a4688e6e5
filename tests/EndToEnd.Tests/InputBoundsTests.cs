using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>Out-of-range pages and oversized bodies get problem details naming the field, directly and through the gateway.</summary>
[Collection(SharedHub.Name)]
public sealed class InputBoundsTests(ObservedHub fixture)
{
    Hub Hub => fixture.Hub;

    IEnumerable<Uri> GatewayAndService(string service) => [Hub.Gateway, service switch
    {
        "registry" => Hub.Registry,
        "federation" => Hub.Federation,
        _ => Hub.Library,
    }];

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("registry", "/api/registry/members?page=2147483647")]
    [InlineData("registry", "/api/registry/members?page=10001")]
    [InlineData("federation", "/api/federation/practices?page=2147483647")]
    [InlineData("library", "/api/library/practices?page=2147483647")]
    public async Task A_huge_page_number_gets_400_naming_page(string service, string path)
    {
        foreach (var address in GatewayAndService(service))
        {
            using var http = new HttpClient { BaseAddress = address };
            using var response = await http.GetAsync(path);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _), $"{address}: {problem}");
        }
    }

    /// <summary>A body without a declared length: Kestrel counts while it is read.</summary>
    sealed class Streamed(int bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("{\"stage\":\""u8.ToArray());
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (var written = 0; written < bytes; written += chunk.Length)
                await stream.WriteAsync(chunk);
            await stream.WriteAsync("\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_MiB_gets_413_as_problem_details(bool declaredLength)
    {
        var person = Hub.Credentials.PersonNamed("pforzheim");
        var token = await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password);
        foreach (var address in GatewayAndService("library"))
        {
            using var http = SignIn.WithToken(address, token);
            HttpContent body = declaredLength
                ? new StringContent($$"""{"stage":"{{new string('x', 2 * 1024 * 1024)}}"}""", System.Text.Encoding.UTF8, "application/json")
                : new Streamed(2 * 1024 * 1024);
            body.Headers.ContentType = new("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/library/practices/{Guid.NewGuid()}/adoptions") { Content = body };
            // A client that declares the length asks before it sends (Expect: 100-continue), so the 413 comes before the
            // body; otherwise the server may close the connection while the client still writes, and the client sees a
            // broken pipe instead of the answer.
            request.Headers.ExpectContinue = declaredLength;
            using var response = await http.SendAsync(request);
            var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), $"{address}: {problem}");
            Assert.Equal("Die Anfrage ist zu groß.", problem.GetProperty("title").GetString());
        }
    }
}
