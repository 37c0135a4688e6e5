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
        var address = Address(builder.Configuration);
        return builder.Services.AddHttpClient<TClient>(client => client.BaseAddress = address)
            .AddHttpMessageHandler<AccessTokenHandler>();
    }

    /// <summary>The gateway's root, where the services' public APIs and hubs are.</summary>
    public static Uri Address(IConfiguration configuration) =>
        new(configuration["Gateway:Address"] ?? configuration["Identity:Issuer"] ?? "http://localhost:8080/");
}
