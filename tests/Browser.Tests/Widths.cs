using Microsoft.Playwright;

namespace Kommune20.Browser.Tests;

/// <summary>The two screens every page must work on.</summary>
public static class Widths
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
}
