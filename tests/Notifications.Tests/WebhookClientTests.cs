using Kommune20.Notifications.Webhooks;
using Kommune20.Testing;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Tests;

/// <summary>The guarded client against a real receiver on loopback, which only the operator's allow-list lets it reach.</summary>
public sealed class WebhookClientTests : IAsyncLifetime
{
    const string Hook = "partner";
    WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    static WebhookClient Client(params string[] allowed) => new(Options.Create(new WebhookOptions { AllowedAddresses = allowed }));

    Task<WebhookAnswer> PostAsync(WebhookClient client, string host) =>
        client.CallAsync(new HttpRequestMessage(HttpMethod.Post, $"http://{host}:{receiver.Address.Port}/hooks/{Hook}")
        {
            Content = new StringContent("{}"),
        }, CancellationToken.None);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("2130706433")]
    [InlineData("0x7f.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task Loopback_in_any_spelling_is_refused_when_connecting(string host)
    {
        using var client = Client();

        var answer = await PostAsync(client, host);

        Assert.Null(answer.StatusCode);
        Assert.Contains("keiner öffentlichen Adresse", answer.Error);
        Assert.Equal(0, receiver.Attempts);
    }

    [Fact]
    public async Task The_allow_list_lets_exactly_its_addresses_through()
    {
        using var client = Client("127.0.0.1");

        Assert.Equal(204, (await PostAsync(client, "127.0.0.1")).StatusCode);
        Assert.Equal(204, (await PostAsync(client, "2130706433")).StatusCode);
        var mapped = await PostAsync(client, "[::ffff:127.0.0.1]");
        Assert.Contains("keiner öffentlichen Adresse", mapped.Error);
        Assert.Equal(2, receiver.Attempts);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        receiver.RedirectTo(Hook, new Uri("http://10.0.0.1/"));
        using var client = Client("127.0.0.1");

        var answer = await PostAsync(client, "127.0.0.1");

        Assert.Equal(302, answer.StatusCode);
        Assert.Contains("nicht gefolgt", answer.Error);
        Assert.Equal(1, receiver.Attempts);
    }
}
