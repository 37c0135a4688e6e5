using Kommune20.EndToEnd.Tests.Federation;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>
/// The hub with webhooks that may reach the tests' receivers on 127.0.0.1 (the operator's allow-list, nothing else) and retry
/// within seconds, e-mails sent to a real SMTP server in the test process, and Heilbronn's node with its editor, who posts
/// updates to the city's Reallabor.
/// </summary>
public sealed class NotificationsHub : IAsyncLifetime
{
    public const string Name = "notifications";

    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();
    public Hub Hub { get; private set; } = null!;
    public CityNodeEditor Heilbronn { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(new HubOptions
        {
            NotificationsSettings = new Dictionary<string, string>(Smtp.Settings)
            {
                ["Webhooks__AllowedAddresses__0"] = "127.0.0.1",
                ["Webhooks__FirstRetry"] = "00:00:01",
                ["Webhooks__RetryFactor"] = "2",
                ["Webhooks__SweepInterval"] = "00:00:00.500",
            },
        });
        var node = await Hub.StartCityNodeAsync("heilbronn", "node-heilbronn");
        Heilbronn = await CityNodeEditor.SignInAsync(Hub, node, "heilbronn");
    }

    public async Task DisposeAsync()
    {
        Heilbronn.Dispose();
        await Hub.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(NotificationsHub.Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsHub>;
