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
    readonly List<IBrowserContext> _contexts = [];

    public Hub Hub { get; private set; } = null!;

    public Uri Address => Hub.Gateway;

    /// <summary>Heidelberg's and Pforzheim's own nodes, where their editors publish (demo records on first start).</summary>
    public Uri HeidelbergNode { get; } = new($"http://127.0.0.1:{FreePorts.Next()}/");
    public Uri PforzheimNode { get; } = new($"http://127.0.0.1:{FreePorts.Next()}/");

    /// <summary>The Metropolregion Rhein-Neckar's network node, which publishes for Weinheim (no demo records here).</summary>
    public Uri MetropolregionNode { get; } = new($"http://127.0.0.1:{FreePorts.Next()}/");

    public async Task InitializeAsync()
    {
        var nodes = new[] { (DemoMembers.Heidelberg, HeidelbergNode), (DemoMembers.Pforzheim, PforzheimNode) };
        Hub = await Hub.StartAsync(new HubOptions
        {
            // Each node's pages are a web client of their own: the issuer must know where they come back after sign-in.
            RegistrySettings = new[] { ("node-heidelberg", HeidelbergNode), ("node-pforzheim", PforzheimNode), ("relay-metropolregion", MetropolregionNode) }
                .SelectMany((node, i) => SignIn.NodePages(node.Item1, node.Item2).RegistrySettings(i)).ToDictionary(),
            PortalSettings = nodes.SelectMany((node, i) => new[]
            {
                KeyValuePair.Create($"CityNodes__{i}__MemberId", node.Item1.ToString()),
                KeyValuePair.Create($"CityNodes__{i}__Address", node.Item2.AbsoluteUri),
            }).ToDictionary(),
            // The journeys' webhook receivers listen on loopback, which only a test may allow.
            NotificationsSettings = new Dictionary<string, string> { ["Webhooks__AllowedAddresses__0"] = "127.0.0.1" },
        });
        var seed = new Dictionary<string, string> { ["Seed__DemoData"] = "true" };
        await Hub.StartCityNodeAsync("node-heidelberg", "node-heidelberg", seed, HeidelbergNode);
        await Hub.StartCityNodeAsync("node-pforzheim", "node-pforzheim", seed, PforzheimNode);
        await Hub.StartNetworkNodeAsync("relay-metropolregion", "relay-metropolregion", MetropolregionNode);
        await WaitForDemoPracticesAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    /// <summary>The nodes push their demo practices to the hub; the library indexes them (and Pforzheim's adoption).</summary>
    async Task WaitForDemoPracticesAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        await Eventually.HoldsAsync(async () =>
        {
            using var result = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/library/practices?q=Digitallotsinnen&sdg=16.6"));
            var digitallotsen = result.RootElement.GetProperty("items").EnumerateArray()
                .Select(hit => hit.GetProperty("practice"))
                .Where(practice => practice.GetProperty("title").GetString() == "Digitallotsinnen und Digitallotsen")
                .Select(practice => (City: practice.GetProperty("city").GetString(), Verified: practice.GetProperty("verifiedAdoptions").GetInt32()))
                .ToList();
            // Hubs of other test projects on the same broker may add practices of that name; ours carries the adoption.
            Assert.Contains(("Heidelberg", 1), digitallotsen);
        }, TimeSpan.FromSeconds(180));
    }

    /// <summary>A fresh browser context (no cookies: signed out), German, at desktop width unless <paramref name="size"/> says otherwise.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? size = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.AbsoluteUri,
            ViewportSize = size ?? Widths.Desktop,
            Locale = "de-DE",
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every page opened since the last call: a journey's pages would otherwise go on running beside the next
    /// journeys (a live room's circuit, a renderer each) on a machine whose cores the journeys already fill.
    /// </summary>
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
            await context.CloseAsync();
        _contexts.Clear();
    }

    /// <summary>Signs in on the issuer's login page as the demo person <paramref name="userName"/>, starting at <paramref name="path"/> (on a phone: <see cref="Widths.Phone"/>).</summary>
    public async Task<IPage> SignedInAsync(string userName, string path = "/", ViewportSize? size = null)
    {
        var page = await NewPageAsync(size);
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
        // Signing in is the longest chain of a journey (issuer, code exchange, the app's first token validation);
        // on a loaded machine the first one of a run may take longer than a page's usual limit.
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync(new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Where the last lines of each process's log are kept after the run, to see why a journey failed.</summary>
    public static string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "k20-browser-logs");

    static readonly string[] Processes = ["registry", "federation", "library", "meetings", "projects", "notifications", "portal", "gateway", "node-heidelberg", "node-pforzheim"];

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Hub is null)
            return;
        Directory.CreateDirectory(LogDirectory);
        foreach (var name in Processes)
            await File.WriteAllTextAsync(Path.Combine(LogDirectory, name + ".log"), Hub.Process(name).RecentLog);
        await Hub.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<Portal>
{
    public const string Name = "portal";
}
