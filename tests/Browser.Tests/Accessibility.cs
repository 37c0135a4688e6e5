using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kommune20.Browser.Tests;

/// <summary>axe-core on the page as it stands, at desktop and phone width: no serious or critical violation (WCAG 2.1 AA).</summary>
public static class Accessibility
{
    static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var original = page.ViewportSize is { } current ? new ViewportSize { Width = current.Width, Height = current.Height } : Widths.Desktop;
        var findings = new List<string>();
        foreach (var (name, size) in new[] { ("Desktop", Widths.Desktop), ("Telefon", Widths.Phone) })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await page.RunAxe(Options);
            findings.AddRange(result.Violations
                .Where(violation => violation.Impact is "serious" or "critical")
                .Select(violation => $"{name} {page.Url}: {violation.Id} ({violation.Impact}) {violation.Help} – " +
                    string.Join(" | ", violation.Nodes.Take(3).Select(node => node.Html))));
        }
        await page.SetViewportSizeAsync(original.Width, original.Height);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }
}
