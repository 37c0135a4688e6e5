using System.Collections.Concurrent;
using Kommune20.Messaging;
using Kommune20.Testing;
using MassTransit;

namespace Kommune20.EndToEnd.Tests;

/// <summary>A subscriber of its own on the real broker (a temporary queue), recording the integration events it consumes.</summary>
public sealed class EventProbe<TEvent> : IAsyncDisposable where TEvent : class
{
    readonly IBusControl _bus;
    public ConcurrentQueue<TEvent> Consumed { get; } = new();

    /// <summary>Every delivery with its message id; a message delivered again (at-least-once) shows the same id.</summary>
    public ConcurrentQueue<(Guid? MessageId, TEvent Message)> Deliveries { get; } = new();

    EventProbe(IBusControl bus) => _bus = bus;

    /// <summary>Subscribes to the events of one hub (its <see cref="Hub.MessagingInstance"/>).</summary>
    public static async Task<EventProbe<TEvent>> SubscribeAsync(Hub hub)
    {
        EventProbe<TEvent>? probe = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestEnvironment.RabbitMq));
            rabbit.IsolateExchanges(hub.MessagingInstance);
            rabbit.ReceiveEndpoint($"e2e-probe-{typeof(TEvent).Name}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<TEvent>(context =>
                {
                    probe!.Consumed.Enqueue(context.Message);
                    probe.Deliveries.Enqueue((context.MessageId, context.Message));
                    return Task.CompletedTask;
                });
            });
        });
        probe = new EventProbe<TEvent>(bus);
        await bus.StartAsync();
        return probe;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
