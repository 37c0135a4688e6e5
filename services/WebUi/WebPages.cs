using Kommune20.ServiceDefaults.Security;
using Kommune20.WebUi.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.WebUi;

/// <summary>Web pages with the association's look, served by the portal and by each city node.</summary>
public static class WebPages
{
    /// <summary>The assembly with the shared pages, for a router's <c>AdditionalAssemblies</c>.</summary>
    public static readonly System.Reflection.Assembly[] SharedPages = [typeof(WebPages).Assembly];

    /// <summary>Server-rendered pages, the shared look (also when started from the build output) and sign-in
    /// (<see cref="WebSignIn.AddWebSignIn"/>: the application's client and the audience of its tokens).</summary>
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder, string cookieName,
        string clientId = WebSignIn.PortalClientId, string audience = Kommune20Claims.Audience)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.AddWebSignIn(cookieName, clientId, audience);
        builder.Services.AddRazorComponents();
        return builder;
    }

    /// <summary>
    /// German culture and error pages, antiforgery, styles, /anmelden and /abmelden, and the pages of <typeparamref name="TApp"/>
    /// beside the shared ones (/fehler/{status}, /nicht-gefunden, /nicht-erlaubt); its router names
    /// <see cref="SharedPages"/> as an additional assembly.
    /// </summary>
    public static WebApplication MapWebPages<TApp>(this WebApplication app) where TApp : IComponent
    {
        app.UseWebUi();
        app.MapStaticAssets();
        app.MapWebSignIn();
        app.MapRazorComponents<TApp>().AddAdditionalAssemblies(SharedPages);
        return app;
    }
}
