using Microsoft.Playwright;

namespace Kommune20.Browser.Tests;

/// <summary>
/// The main pages of the portal, the sign-in page, a city node and the API reference run under their content security
/// policy without Chromium refusing anything (it reports each refusal on the console).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyJourneys(Portal portal) : Journeys(portal)
{
    readonly List<string> _refusals = [];

    void WatchRefusals(IPage page) =>
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (_refusals)
                    _refusals.Add($"{page.Url}: {message.Text}");
        };

    [Fact]
    public async Task The_main_pages_break_no_content_security_policy()
    {
        var visitor = await Portal.NewPageAsync();
        WatchRefusals(visitor);
        foreach (var path in new[] { "/", "/mitglieder", $"/mitglieder/{DemoMembers.Heidelberg}", "/netzwerk", "/praxisbeispiele?q=Digitallotsinnen", "/versammlungen", "/api/docs/", "/nicht-gefunden" })
        {
            await visitor.GotoAsync(path);
            await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await visitor.GotoAsync("/redaktion");             // on to the sign-in page
        await Portal.FillLoginAsync(visitor, "heidelberg");
        await visitor.GotoAsync(Portal.HeidelbergNode.AbsoluteUri);
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var office = await Portal.SignedInAsync("geschaeftsstelle", "/geschaeftsstelle");
        WatchRefusals(office);
        foreach (var path in new[] { "/geschaeftsstelle", $"/geschaeftsstelle/mitglieder/{DemoMembers.Heidelberg}/personen", "/geschaeftsstelle/versammlungen" })
        {
            await office.GotoAsync(path);
            await office.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        lock (_refusals)
            Assert.True(_refusals.Count == 0, string.Join(Environment.NewLine, _refusals));
    }
}
