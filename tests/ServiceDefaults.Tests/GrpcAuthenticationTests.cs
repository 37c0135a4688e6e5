using System.Security.Claims;
using System.Text.Encodings.Web;
using Kommune20.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>
/// A gRPC call is authenticated by its bearer token only; the schemes that look at every request for an endpoint of
/// their own (OpenIddict's server in the Registry) see every other request, and a call without a token is still refused.
/// </summary>
public sealed class GrpcAuthenticationTests
{
    const string Token = "gültig";

    [Theory]
    [InlineData("application/grpc", Token, StatusCodes.Status200OK, 0)]
    [InlineData("application/grpc+proto", null, StatusCodes.Status401Unauthorized, 0)]
    [InlineData("application/json", Token, StatusCodes.Status200OK, 1)]
    [InlineData(null, null, StatusCodes.Status401Unauthorized, 1)]
    public async Task Only_calls_that_are_not_grpc_pass_the_schemes_that_handle_requests_themselves(
        string? contentType, string? token, int status, int seenByEndpointScheme)
    {
        var seen = new EndpointScheme.Seen();
        await using var app = await StartAsync(seen);

        var context = await app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/test/aufruf";
            http.Request.ContentType = contentType;
            if (token is not null)
                http.Request.Headers.Authorization = "Bearer " + token;
        });

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(seenByEndpointScheme, seen.Requests);
    }

    static async Task<WebApplication> StartAsync(EndpointScheme.Seen seen)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["K20_DATA"] = TestEnvironment.NewDataDirectory("grpc-authentication");
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(seen);
        builder.Services.AddAuthentication(BearerScheme.Name)
            .AddScheme<AuthenticationSchemeOptions, BearerScheme>(BearerScheme.Name, null)
            .AddScheme<AuthenticationSchemeOptions, EndpointScheme>(EndpointScheme.Name, null);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPost("/test/aufruf", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    /// <summary>Accepts one token, as the JWT bearer scheme accepts a valid one.</summary>
    sealed class BearerScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "bearer";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.Authorization.ToString() == "Bearer " + Token
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "node-heidelberg")], Name)), Name))
                : AuthenticateResult.NoResult());
    }

    /// <summary>Looks at every request for an endpoint of its own and answers none, as OpenIddict's server does for API calls.</summary>
    sealed class EndpointScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, EndpointScheme.Seen seen)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
    {
        public const string Name = "endpoints";

        public sealed class Seen
        {
            public int Requests;
        }

        public Task<bool> HandleRequestAsync()
        {
            Interlocked.Increment(ref seen.Requests);
            return Task.FromResult(false);
        }

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
