using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
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
        app.UseStatusCodePagesWithReExecute("/fehler/{0}", createScopeForStatusCodePages: true);
        // An API in the same process (a city node's) keeps the problem documents of AddServiceDefaults.
        app.Use((context, next) =>
        {
            if (WebSignIn.IsApiCall(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(context);
        });
        app.UseAntiforgery();
        return app;
    }
}
