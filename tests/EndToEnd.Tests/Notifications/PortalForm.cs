using System.Net;
using System.Text.RegularExpressions;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>
/// A visitor without a browser who opens a portal page and presses its form's button: the page's antiforgery token and cookie
/// go back with the form's name, as a browser posts a server-rendered form.
/// </summary>
public sealed partial class PortalForm(Uri gateway) : IDisposable
{
    readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = gateway };

    /// <summary>The page's text as a reader sees it (entities decoded: the portal encodes what is not ASCII).</summary>
    public async Task<string> OpenAsync(string pathAndQuery) => WebUtility.HtmlDecode(await ReadAsync(pathAndQuery));

    /// <summary>Opens the page and submits its form <paramref name="formName"/>; the page as it answers, entities decoded.</summary>
    public async Task<string> SubmitAsync(string pathAndQuery, string formName)
    {
        var html = await ReadAsync(pathAndQuery);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token: " + html);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var answer = await _http.PostAsync(pathAndQuery, form);
        var result = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{answer.StatusCode}: {result}");
        return WebUtility.HtmlDecode(result);
    }

    async Task<string> ReadAsync(string pathAndQuery)
    {
        using var page = await _http.GetAsync(pathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode}: {html}");
        return html;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
