using Microsoft.Playwright;

namespace Kommune20.Browser.Tests;

/// <summary>Debian's Chromium, driven by Playwright (never a browser Playwright downloads itself).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // As root Chromium needs --no-sandbox; the rest keeps it from reaching out to the (closed) network.
    static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: ./kommune20 test installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
        return (playwright, browser);
    }
}
