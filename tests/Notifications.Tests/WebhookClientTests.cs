using Kommune20.Notifications.Webhooks;
using Kommune20.Testing;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Tests;

/// <summary>The guarded client against a real receiver on loopback, which only the operator's allow-list lets it reach.</summary>
public sealed class WebhookClientTests : IAsyncLifetime
{
    WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    static WebhookClient Client(params string[] allowed) => new(Options.Create(new WebhookOptions { AllowedAddresses = allowed }));

    Task<WebhookAnswer> HandshakeAsync(WebhookClient client, string host) =>
        client.CallAsync(new HttpRequestMessage(HttpMethod.Options, $"http://{host}:{receiver.Address.Port}/hook"), CancellationToken.None);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("2130706433")]
    [InlineData("0x7f.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task Loopback_in_any_spelling_is_refused_when_connecting(string host)
    {
        using var client = Client();

        var answer = await HandshakeAsync(client, host);

        Assert.Null(answer.StatusCode);
        Assert.Contains("keiner öffentlichen Adresse", answer.Error);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task The_allow_list_lets_exactly_its_addresses_through()
    {
        using var client = Client("127.0.0.1");

        Assert.Equal(200, (await HandshakeAsync(client, "127.0.0.1")).StatusCode);
        Assert.Equal(200, (await HandshakeAsync(client, "2130706433")).StatusCode);
        var mapped = await HandshakeAsync(client, "[::ffff:127.0.0.1]");
        Assert.Contains("keiner öffentlichen Adresse", mapped.Error);
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var redirecting = await WebhookReceiver.StartAsync(redirectTo: new Uri("http://10.0.0.1/"));
        using var client = Client("127.0.0.1");

        var answer = await client.CallAsync(new HttpRequestMessage(HttpMethod.Post, redirecting.Address) { Content = new StringContent("{\"id\":\"1\"}") },
            CancellationToken.None);

        Assert.Equal(302, answer.StatusCode);
        Assert.Contains("nicht gefolgt", answer.Error);
        Assert.Single(redirecting.Received);
    }
}
