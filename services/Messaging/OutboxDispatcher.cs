using System.Diagnostics;
using System.Text.Json;
using Kommune20.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kommune20.Messaging;

/// <summary>
/// Publishes committed outbox messages to the broker by the rules of <see cref="OutboxRelay"/>, and prunes old ones.
/// The outbox message id becomes the MassTransit message id, so a message published twice (a crash between publish and
/// mark) is recognised by the consumers' inbox. While the bus is not connected nothing is tried, so an outage of the
/// broker costs no attempts. It starts once the service's startup work (its migrations, where they run after listening) is done.
/// </summary>
internal sealed class OutboxDispatcher<TDb>(
    IServiceProvider services, IBusControl bus, OutboxRelay relay, OutboxSignal signal, IOptions<OutboxOptions> options,
    StartupGate startup, TimeProvider time, ILogger<OutboxDispatcher<TDb>> logger) : BackgroundService
    where TDb : DbContext
{
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public const string ActivitySourceName = "Kommune20.Outbox";
    static readonly ActivitySource Source = new(ActivitySourceName);
    DateTimeOffset _nextPrune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.Done.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDb>();
                await KeepHouseAsync(db, stoppingToken);
                if (bus.CheckHealth().Status != BusHealthStatus.Unhealthy)
                    published = await relay.DispatchAsync(db, PublishAsync, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Outbox dispatch failed; retrying");
            }

            if (published < options.Value.BatchSize)
                await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    async Task KeepHouseAsync(TDb db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= _nextPrune)
        {
            _nextPrune = now + options.Value.PruneInterval;
            await relay.PruneAsync(db, cancellationToken);
        }
    }

    async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, message.TraceParent);
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var body = JsonSerializer.Deserialize(message.Body, type, Json.Options)!;
        await bus.Publish(body, type, context => context.MessageId = message.MessageId, cancellationToken);
    }
}
