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
    /// <param name="components">More of Razor components, e.g. interactive server rendering for the pages that ask for it.</param>
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder, string cookieName,
        string clientId = WebSignIn.PortalClientId, string audience = Kommune20Claims.Audience, Action<IRazorComponentsBuilder>? components = null)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.AddWebSignIn(cookieName, clientId, audience);
        var razor = builder.Services.AddRazorComponents();
        components?.Invoke(razor);
        return builder;
    }

    /// <summary>
    /// German culture and error pages, antiforgery, styles, /anmelden and /abmelden, and the pages of <typeparamref name="TApp"/>
    /// beside the shared ones (/fehler/{status}, /nicht-gefunden, /nicht-erlaubt); its router names
    /// <see cref="SharedPages"/> as an additional assembly.
    /// </summary>
    /// <param name="pages">More for the pages' endpoints, e.g. the interactive render mode of <c>AddWebPages</c>' components.</param>
    public static WebApplication MapWebPages<TApp>(this WebApplication app, Action<RazorComponentsEndpointConventionBuilder>? pages = null)
        where TApp : IComponent
    {
        app.UseWebUi();
        app.MapStaticAssets();
        app.MapWebSignIn();
        var endpoints = app.MapRazorComponents<TApp>().AddAdditionalAssemblies(SharedPages);
        pages?.Invoke(endpoints);
        return app;
    }
}
