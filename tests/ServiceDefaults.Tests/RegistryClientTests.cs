using System.Net;
using Google.Protobuf;
using Kommune20.Registry.Client;
using Kommune20.Registry.Grpc;
using Kommune20.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>
/// AddRegistryClient as a service calls it: the token comes from the issuer at Identity:Authority for the service's own
/// client, and the gRPC call goes to Registry:GrpcUrl with that token, over plain HTTP. Both ends are fakes behind the handlers.
/// </summary>
public sealed class RegistryClientTests
{
    [Fact]
    public async Task Calls_the_register_with_a_token_for_the_services_own_client()
    {
        var (client, issuer, registry) = Build(new()
        {
            ["Registry:GrpcUrl"] = "http://registry.test:5111/",
            ["Identity:Authority"] = "http://issuer.test:8080/",
            ["Library:ClientId"] = "hub-library-7",
            ["Library:ClientSecret"] = "s3cret",
        });

        var member = await client.GetMemberAsync(new GetMemberRequest { MemberId = "m-1" });

        Assert.Equal("Heidelberg", member.Name);
        var tokenRequest = Assert.Single(issuer.Requests);
        Assert.Equal("http://issuer.test:8080/connect/token", tokenRequest.Uri);
        Assert.Contains("client_id=hub-library-7", tokenRequest.Body);
        Assert.Contains("client_secret=s3cret", tokenRequest.Body);
        var call = Assert.Single(registry.Requests);
        Assert.Equal("http://registry.test:5111/kommune20.registry.v1.Registry/GetMember", call.Uri);
        Assert.Equal("Bearer token-1", call.Authorization);
    }

    [Fact]
    public async Task Without_a_client_id_the_service_is_hub_and_its_section_name()
    {
        var (client, issuer, _) = Build(new() { ["Registry:GrpcUrl"] = "http://registry.test/", ["Identity:Authority"] = "http://issuer.test/" });

        await client.GetMemberAsync(new GetMemberRequest { MemberId = "m-1" });

        Assert.Contains("client_id=hub-library&", Assert.Single(issuer.Requests).Body);
    }

    static (RegistryClient Client, RecordingHandler Issuer, RecordingHandler Registry) Build(Dictionary<string, string?> settings)
    {
        var issuer = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"access_token":"token-1","expires_in":3600}""", System.Text.Encoding.UTF8, "application/json"),
        });
        var registry = new RecordingHandler(_ => GrpcReply(new MemberReply { MemberId = "m-1", Name = "Heidelberg" }));

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRegistryClient("Library");
        builder.Services.AddHttpClient(nameof(ClientCredentialsToken)).ConfigurePrimaryHttpMessageHandler(() => issuer);
        builder.Services.AddHttpClient(nameof(RegistryClient)).ConfigurePrimaryHttpMessageHandler(() => registry);
        var services = builder.Build().Services;
        return (services.GetRequiredService<RegistryClient>(), issuer, registry);
    }

    /// <summary>A unary gRPC answer: the length-prefixed message, then status OK in the trailers.</summary>
    static HttpResponseMessage GrpcReply(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        frame[1] = (byte)(body.Length >> 24);
        frame[2] = (byte)(body.Length >> 16);
        frame[3] = (byte)(body.Length >> 8);
        frame[4] = (byte)body.Length;
        body.CopyTo(frame, 5);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent(frame) };
        response.Content.Headers.ContentType = new("application/grpc");
        response.TrailingHeaders.Add("grpc-status", "0");
        return response;
    }

    sealed record Seen(string Uri, string Body, string? Authorization);

    sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Seen> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new Seen(request.RequestUri!.AbsoluteUri, body, request.Headers.Authorization?.ToString()));
            return answer(request);
        }
    }
}
