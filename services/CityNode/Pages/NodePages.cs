using Kommune20.WebUi;
using Kommune20.WebUi.SignIn;

namespace Kommune20.CityNode.Pages;

public static class NodePages
{
    /// <summary>
    /// The editor's pages in the association's look, with the same sign-in as the portal but a client of their own
    /// (<see cref="NodeSettings.WebClientId"/>, whose <c>/signin-oidc</c> the issuer knows from the topology), calling the
    /// node's own API with the person's token. That token's audience is the web client's, so the hub's APIs refuse it.
    /// </summary>
    public static WebApplicationBuilder AddNodePages(this WebApplicationBuilder builder, NodeSettings settings)
    {
        builder.AddWebPages("k20.knoten." + settings.ClientId, settings.WebClientId, audience: settings.WebClientId);
        var self = SelfAddress.Of(builder.Configuration["Kestrel:Endpoints:Http:Url"] ?? "http://127.0.0.1:5201");
        builder.Services.AddHttpClient<NodeClient>(client => client.BaseAddress = self).AddHttpMessageHandler<AccessTokenHandler>();
        return builder;
    }
}
