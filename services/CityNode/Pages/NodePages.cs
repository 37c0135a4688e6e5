using Kommune20.WebUi;
using Kommune20.WebUi.SignIn;

namespace Kommune20.CityNode.Pages;

public static class NodePages
{
    /// <summary>
    /// The editor's pages in the association's look, with the same sign-in as the portal (the node is its own origin, so
    /// its <c>/signin-oidc</c> is registered with the issuer too), calling the node's own API with the person's token.
    /// </summary>
    public static WebApplicationBuilder AddNodePages(this WebApplicationBuilder builder, NodeSettings settings)
    {
        builder.AddWebPages("k20.knoten." + settings.ClientId);
        var self = new Uri(builder.Configuration["Kestrel:Endpoints:Http:Url"] ?? "http://127.0.0.1:5201");
        builder.Services.AddHttpClient<NodeClient>(client => client.BaseAddress = self).AddHttpMessageHandler<AccessTokenHandler>();
        return builder;
    }
}
