using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.WebUi.SignIn;

public static class GatewayClients
{
    /// <summary>
    /// A typed client for a service's public API behind the gateway (<c>Gateway:Address</c>, else the issuer's
    /// address, which is the gateway's root), carrying the signed-in person's token.
    /// </summary>
    public static IHttpClientBuilder AddGatewayClient<TClient>(this IHostApplicationBuilder builder) where TClient : class
    {
        var address = new Uri(builder.Configuration["Gateway:Address"] ?? builder.Configuration["Identity:Issuer"] ?? "http://localhost:8080/");
        return builder.Services.AddHttpClient<TClient>(client => client.BaseAddress = address)
            .AddHttpMessageHandler<AccessTokenHandler>();
    }
}
