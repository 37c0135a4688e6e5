using Kommune20.Testing;
using Microsoft.Playwright;

namespace Kommune20.Browser.Tests;

/// <summary>
/// Saves what a page looks like to docs/screenshots/, where docs/PORTAL.md shows it, when the run is asked to
/// (<c>K20_SCREENSHOTS=true ./kommune20 test</c>). Otherwise a test run leaves the committed pictures alone and spends
/// no time rendering a hundred whole pages that nothing checks.
/// </summary>
public static class Screenshots
{
    static string Directory { get; } = Path.Combine(RepoPaths.Root, "docs", "screenshots");

    static bool Wanted { get; } = string.Equals(Environment.GetEnvironmentVariable("K20_SCREENSHOTS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>name.png</c> at desktop width and <c>name-telefon.png</c> at phone width, each the whole page.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        if (!Wanted)
            return;
        System.IO.Directory.CreateDirectory(Directory);
        var original = page.ViewportSize is { } current ? new ViewportSize { Width = current.Width, Height = current.Height } : Widths.Desktop;
        foreach (var (suffix, size) in new[] { ("", Widths.Desktop), ("-telefon", Widths.Phone) })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + suffix + ".png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }
}
