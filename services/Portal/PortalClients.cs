using Kommune20.Portal.Federation;
using Kommune20.Portal.Library;
using Kommune20.Portal.Registry;
using Kommune20.WebUi.SignIn;

namespace Kommune20.Portal;

public static class PortalClients
{
    /// <summary>The portal is a client like any other: it reads and writes through the gateway's public APIs only.</summary>
    public static IHostApplicationBuilder AddPortalClients(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayClient<RegistryClient>();
        builder.AddGatewayClient<LibraryClient>();
        builder.AddGatewayClient<FederationClient>();
        builder.Services.AddSingleton<CityNodes>();
        return builder;
    }
}
