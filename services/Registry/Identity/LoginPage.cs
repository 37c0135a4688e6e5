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
              <style>
                body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f5f6f8; }
                a.skip { position: absolute; left: -999px; } a.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
                header { background: #004b87; color: #fff; padding: 1rem 1.5rem; } header p { margin: 0; font-weight: 600; }
                main { max-width: 26rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .5rem; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #555; border-radius: .25rem; }
                button { margin-top: 1.5rem; padding: .7rem 1.4rem; font-size: 1rem; background: #004b87; color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
                :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
                .fehler { color: #a00000; font-weight: 600; }
              </style>
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
}
