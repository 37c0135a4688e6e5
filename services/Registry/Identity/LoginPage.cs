using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace Kommune20.Registry.Identity;

/// <summary>The German sign-in form: labelled fields, visible focus, one landmark per purpose (WCAG 2.1 AA).</summary>
internal static class LoginPage
{
    public static IResult Render(AntiforgeryTokenSet tokens, string returnUrl, string? userName, string? error, int status = StatusCodes.Status200OK)
    {
        static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
        var errorBlock = error is null ? "" : $"""<p class="fehler" role="alert" id="fehler">{E(error)}</p>""";
        var described = error is null ? "" : """ aria-describedby="fehler" aria-invalid="true" """;
        var html = $$"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Anmelden – Kommune20</title>
              <link rel="stylesheet" href="/account/login.css">
            </head>
            <body>
              <a class="skip" href="#inhalt">Zum Inhalt springen</a>
              <header><p>Kommune 2.0 e. V. – Netzwerk der Netzwerke</p></header>
              <main id="inhalt">
                <h1>Anmelden</h1>
                <p>Melden Sie sich mit dem Zugang Ihrer Organisation an.</p>
                {{errorBlock}}
                <form method="post" action="/account/login">
                  <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}">
                  <input type="hidden" name="returnUrl" value="{{E(returnUrl)}}">
                  <label for="userName">Benutzername</label>
                  <input id="userName" name="userName" autocomplete="username" required value="{{E(userName)}}"{{described}}>
                  <label for="password">Passwort</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{described}}>
                  <button type="submit">Anmelden</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    static readonly byte[] Styles = ReadStyles();

    /// <summary>The page's style sheet (LoginPage.css, embedded in the assembly).</summary>
    public static IResult Stylesheet() => Results.Bytes(Styles, "text/css; charset=utf-8");

    static byte[] ReadStyles()
    {
        using var resource = typeof(LoginPage).Assembly.GetManifestResourceStream("Kommune20.Registry.Identity.LoginPage.css")
            ?? throw new InvalidOperationException("LoginPage.css is not embedded in the Registry's assembly.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
