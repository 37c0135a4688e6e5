using System.Diagnostics;
using System.Text.Json;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Contracts.Registry;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// An integration event published and consumed through MassTransit with publisher confirms, against RabbitMQ.Client
/// publishing the same JSON with confirms to a queue and consuming it; then MassTransit at a steady 1,000 events/s.
/// </summary>
public sealed class MessagingScenario : IScenario
{
    const ushort Prefetch = 32;
    const double SteadyRate = 1000;
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Id => "messaging";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var pairs = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => MeasureAsync($"MassTransit, {settings.Connections} publishers (pair {pair + 1})", settings,
                (arrivals, ct) => MassTransitAsync(context.RabbitMq, arrivals, bus => ClosedPublishAsync(bus, settings, ct), ct), cancellationToken),
            pair => MeasureAsync($"RabbitMQ.Client, {settings.Connections} publishers (pair {pair + 1})", settings,
                (arrivals, ct) => RabbitMqClientAsync(context.RabbitMq, settings, arrivals, ct), cancellationToken));
        var steady = new List<Measurement>();
        for (var run = 0; run < settings.Pairs; run++)
            steady.Add(await MeasureAsync($"MassTransit at {SteadyRate:0} events/s (run {run + 1})", settings,
                (arrivals, ct) => MassTransitAsync(context.RabbitMq, arrivals, bus => PacedPublishAsync(bus, settings, ct), ct), cancellationToken));

        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("events/s of MassTransit / RabbitMQ.Client", [.. pairs.Select(p => Check.Ratio(p.Subject.Throughput!.Value, p.Baseline.Throughput!.Value))],
                "", GoalDirection.AtLeast, 0.35, pairs.Sum(p => p.Subject.Errors + p.Baseline.Errors)),
            Check.OfRuns($"p99 end-to-end latency at {SteadyRate:0} events/s", [.. steady.Select(run => run.Latency!.P99)], "ms", GoalDirection.Under, 15,
                steady.Sum(run => run.Errors)),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, new Dictionary<string, int> { ["bench (MassTransit)"] = Environment.ProcessId },
            () => MassTransitAsync(context.RabbitMq, Arrivals.After(settings.Warmup, settings.Duration), bus => ClosedPublishAsync(bus, settings, cancellationToken), cancellationToken),
            cancellationToken);

        return new ScenarioResult(Id, "Messaging: publish and consume with publisher confirms", "RabbitMQ.Client 7 publishing with confirms")
        {
            Measurements = [.. pairs.SelectMany(p => new[] { p.Baseline, p.Subject }), .. steady],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"Message: `{nameof(MemberChanged)}` (persistent, durable queue, prefetch {Prefetch}); publisher and consumer live in the bench process, the broker is the run's throwaway RabbitMQ node.",
                "Throughput counts the events consumed inside the measured window; latency is from (due) publish to consume. The steady run publishes on a fixed schedule, so a stall shows as latency.",
                "MassTransit is configured as the services configure it (retry policy, kebab-case endpoints) but without the services' database inbox and outbox, whose cost belongs to the database.",
                $"MassTransit and RabbitMQ.Client in turns, {settings.Pairs} pair(s), then {settings.Pairs} steady run(s): each goal is the median of its pairs or runs; where they spread wider than the median lies from the goal the verdict is inconclusive, and any failed publish or event not consumed within {Grace.TotalSeconds:0} s misses it.",
            ],
        };
    }

    static async Task<Measurement> MeasureAsync(string label, BenchSettings settings, Func<Arrivals, CancellationToken, Task<(long Sent, long Errors)>> run,
        CancellationToken cancellationToken)
    {
        var arrivals = Arrivals.After(settings.Warmup, settings.Duration);
        var meter = new CpuMeter().Watch("bench", Environment.ProcessId);
        var (load, cpu) = await meter.MeasureAsync(async () =>
        {
            var (sent, errors) = await run(arrivals, cancellationToken);
            return await arrivals.ResultAsync(sent, errors, Grace, cancellationToken);
        }, cancellationToken);
        Console.WriteLine($"    {label}: {Figures.Format(load.Throughput)} events/s, p50 {Figures.Format(load.Latency.P50)} ms, p99 {Figures.Format(load.Latency.P99)} ms, {load.Errors} errors");
        return Measurement.Of(label, load, "events/s", cpu);
    }

    static MemberChanged Event() => new(Guid.NewGuid(), "Heidelberg", "city", "08221000", "Baden-Württemberg", "active", true, DateTimeOffset.UtcNow);

    static async Task<(long Sent, long Errors)> MassTransitAsync(string broker, Arrivals arrivals, Func<IBus, Task<(long Sent, long Errors)>> publish,
        CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(broker));
            rabbit.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000));
            rabbit.ReceiveEndpoint($"bench-masstransit-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.PrefetchCount = Prefetch;
                endpoint.Handler<MemberChanged>(context =>
                {
                    arrivals.Record(context.Headers.Get<long>(Arrivals.SentHeader) ?? 0);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            return await publish(bus);
        }
        finally
        {
            await WaitForDrainAsync(arrivals, cancellationToken);
            await bus.StopAsync(CancellationToken.None);
        }
    }

    static async Task<(long Sent, long Errors)> ClosedPublishAsync(IBus bus, BenchSettings settings, CancellationToken cancellationToken)
    {
        long sent = 0;
        var load = await ClosedLoop.RunAsync(settings.Saturating, async (_, ct) =>
        {
            Interlocked.Increment(ref sent);
            await bus.Publish(Event(), context => context.Headers.Set(Arrivals.SentHeader, Stopwatch.GetTimestamp()), ct);
        }, cancellationToken);
        return (Interlocked.Read(ref sent), load.Errors);
    }

    static Task<(long Sent, long Errors)> PacedPublishAsync(IBus bus, BenchSettings settings, CancellationToken cancellationToken) =>
        PacedLoad.RunAsync(SteadyRate, settings.Warmup + settings.Duration, maxInFlight: 256,
            (due, ct) => bus.Publish(Event(), context => context.Headers.Set(Arrivals.SentHeader, due), ct), cancellationToken);

    static async Task<(long Sent, long Errors)> RabbitMqClientAsync(string broker, BenchSettings settings, Arrivals arrivals, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var consuming = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = $"bench-rabbitmq-client-{Guid.NewGuid():N}";
        await consuming.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true, cancellationToken: cancellationToken);
        await consuming.BasicQosAsync(0, Prefetch, false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            arrivals.Record(delivery.BasicProperties.Headers?[Arrivals.SentHeader] is long sent ? sent : 0);
            await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consuming.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);

        var confirming = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var publishers = new List<IChannel>();
        for (var i = 0; i < settings.Connections; i++)
            publishers.Add(await connection.CreateChannelAsync(confirming, cancellationToken));
        try
        {
            long sent = 0;
            var load = await ClosedLoop.RunAsync(settings.Saturating, async (worker, ct) =>
            {
                Interlocked.Increment(ref sent);
                var properties = new BasicProperties
                {
                    Persistent = true,
                    ContentType = "application/json",
                    Headers = new Dictionary<string, object?> { [Arrivals.SentHeader] = Stopwatch.GetTimestamp() },
                };
                await publishers[worker].BasicPublishAsync("", queue, mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(Event()), ct);
            }, cancellationToken);
            await WaitForDrainAsync(arrivals, cancellationToken);
            return (Interlocked.Read(ref sent), load.Errors);
        }
        finally
        {
            foreach (var publisher in publishers)
                await publisher.DisposeAsync();
        }
    }

    /// <summary>Lets the consumer finish what is in flight before the consuming side goes away.</summary>
    static async Task WaitForDrainAsync(Arrivals arrivals, CancellationToken cancellationToken)
    {
        var last = -1L;
        while (arrivals.Total != last)
        {
            last = arrivals.Total;
            await Task.Delay(500, cancellationToken);
        }
    }
}
