using Kommune20.Testing;
using Microsoft.Playwright;

namespace Kommune20.Browser.Tests;

/// <summary>
/// The whole system as <c>./kommune20 up</c> runs it (real processes, real broker), started once for all browser tests,
/// and a Chromium to look at it with. Journeys open pages, sign in as a role through the German login page, check
/// accessibility and save screenshots.
/// </summary>
public sealed class Portal : IAsyncLifetime
{
    IPlaywright? _playwright;
    IBrowser? _browser;

    public Hub Hub { get; private set; } = null!;

    public Uri Address => Hub.Gateway;

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (no cookies: signed out) at desktop width, German.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.AbsoluteUri,
            ViewportSize = Widths.Desktop,
            Locale = "de-DE",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in on the issuer's login page as the demo person <paramref name="userName"/>, starting at <paramref name="path"/>.</summary>
    public async Task<IPage> SignedInAsync(string userName, string path = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/anmelden?returnUrl=" + Uri.EscapeDataString(path));
        await FillLoginAsync(page, userName);
        return page;
    }

    /// <summary>Fills in the German login page the browser is on, as <paramref name="userName"/>.</summary>
    public async Task FillLoginAsync(IPage page, string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        await page.GetByLabel("Benutzername").FillAsync(person.UserName);
        await page.GetByLabel("Passwort").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Hub is not null)
            await Hub.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<Portal>
{
    public const string Name = "portal";
}
