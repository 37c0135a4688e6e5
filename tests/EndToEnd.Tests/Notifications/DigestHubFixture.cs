using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>A hub whose Notifications service sends its e-mails to a real SMTP server in the test process.</summary>
public sealed class DigestHubFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();
    public Hub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await Hub.StartAsync(new HubOptions { NotificationsSettings = Smtp.Settings });

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
