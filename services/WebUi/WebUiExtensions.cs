using Microsoft.AspNetCore.Builder;
using Kommune20.WebUi.SignIn;
using Microsoft.AspNetCore.Localization;

namespace Kommune20.WebUi;

public static class WebUiExtensions
{
    /// <summary>
    /// German formatting for every request, German pages for bare error statuses (<c>/fehler/{status}</c>, which the
    /// application provides), and antiforgery for forms. Call after <c>MapDefaultEndpoints</c>.
    /// </summary>
    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(German.Culture),
            SupportedCultures = [German.Culture],
            SupportedUICultures = [German.Culture],
        });
        // An API in the same process (a city node's) keeps its problem documents.
        app.UseWhen(context => !WebSignIn.IsApiCall(context),
            pages => pages.UseStatusCodePagesWithReExecute("/fehler/{0}", createScopeForStatusCodePages: true));
        app.UseAntiforgery();
        return app;
    }
}
