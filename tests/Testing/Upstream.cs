using Kommune20.Messaging;
using MassTransit;

namespace Kommune20.Testing;

/// <summary>
/// Publishes integration events on the test run's broker the way an upstream service does (the Federation service's
/// PracticePublished, the Registry's MemberChanged), so that a consumer is tested through the real broker.
/// </summary>
public sealed class Upstream : IAsyncDisposable
{
    readonly IBusControl _bus;

    Upstream(IBusControl bus) => _bus = bus;

    /// <param name="exchangeNamespace">The messaging namespace of the services under test, whose exchanges to publish on.</param>
    public static async Task<Upstream> ConnectAsync(string exchangeNamespace, string? rabbitMq = null)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(rabbitMq ?? TestEnvironment.RabbitMq));
            rabbit.IsolateExchanges(exchangeNamespace);
        });
        await bus.StartAsync();
        return new Upstream(bus);
    }

    public Task PublishAsync<TEvent>(TEvent message) where TEvent : class => _bus.Publish(message);

    /// <summary>Publishes under a message id of the test's choosing: the same id twice is how a redelivery looks to a consumer.</summary>
    public Task PublishAsync<TEvent>(TEvent message, Guid messageId) where TEvent : class =>
        _bus.Publish(message, context => context.MessageId = messageId);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
