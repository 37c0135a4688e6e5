using System.Diagnostics;
using System.Text.Json;
using Kommune20.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kommune20.Messaging;

/// <summary>
/// Publishes committed outbox messages to the broker in commit order and marks them sent. The outbox message id
/// becomes the MassTransit message id, so a message published twice (a crash between publish and mark) is
/// recognised by the consumers' inbox.
/// </summary>
internal sealed class OutboxDispatcher<TDb>(
    IServiceProvider services, IBus bus, OutboxSignal signal, ILogger<OutboxDispatcher<TDb>> logger) : BackgroundService
    where TDb : DbContext
{
    const int BatchSize = 200;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    static readonly ActivitySource Source = new("Kommune20.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Outbox dispatch failed; retrying");
                published = 0;
            }

            if (published < BatchSize)
                await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var batch = await db.Set<OutboxMessage>()
            .Where(message => message.SentAt == null)
            .OrderBy(message => message.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return 0;

        var results = await Task.WhenAll(batch.Select(message => PublishAsync(message, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        return results.Count(sent => sent);
    }

    async Task<bool> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, message.TraceParent);
        try
        {
            var type = Type.GetType(message.MessageType, throwOnError: true)!;
            var body = JsonSerializer.Deserialize(message.Body, type, Json.Options)!;
            await bus.Publish(body, type, context => context.MessageId = message.MessageId, cancellationToken);
            message.SentAt = DateTimeOffset.UtcNow;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = exception.Message;
            logger.LogWarning(exception, "Publishing outbox message {MessageId} ({Type}) failed", message.MessageId, message.MessageType);
            return false;
        }
    }
}
