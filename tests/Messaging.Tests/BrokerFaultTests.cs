using System.Diagnostics;
using System.Text;
using Kommune20.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Kommune20.Messaging.Tests;

/// <summary>
/// Faults with the real broker — a RabbitMQ node of these tests' own, since they stop it — and probe services as real
/// processes. Each scenario counts sent, received, lost and duplicated events and prints the figures
/// (docs/RELIABILITY.md, "Nothing lost, nothing twice"). Lost must be 0, and a redelivery must change nothing.
/// </summary>
public sealed class BrokerFaultTests(ThrowawayRabbitMq broker, ITestOutputHelper output) : IClassFixture<ThrowawayRabbitMq>
{
    // On a shared two-core machine the consumer applies some 20 to 35 events a second; the publisher is faster.
    static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(5);
    readonly string _scenario = "fault" + Guid.NewGuid().ToString("N")[..8];
    readonly Stopwatch _clock = Stopwatch.StartNew();

    async Task<(Probe Consumer, Probe Producer)> StartAsync()
    {
        var consumer = Probe.Launch(_scenario, _scenario, broker.Uri, consume: true);
        await consumer.WaitUntilReadyAsync(); // its queue exists before the first event leaves
        var producer = Probe.Launch("producer", _scenario, broker.Uri, consume: false);
        await producer.WaitUntilReadyAsync();
        return (consumer, producer);
    }

    static Task WaitForAsync(Probe consumer, Func<ProbeCounts, bool> condition, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => Assert.True(condition(await consumer.CountsAsync())), timeout ?? CatchUp);

    /// <summary>Waits until every expected event arrived and a moment longer (for late duplicates), checks and prints the figures.</summary>
    async Task<ProbeCounts> SettleAsync(string fault, Probe consumer, Probe producer, int sent, int expected, string? note = null)
    {
        try
        {
            await WaitForAsync(consumer, counts => counts.Received >= expected);
        }
        catch
        {
            output.WriteLine($"{fault}: consumer {await consumer.CountsAsync()}, producer {await producer.CountsAsync()}");
            output.WriteLine($"Consumer:{Environment.NewLine}{consumer.Process.RecentLog}{Environment.NewLine}Producer:{Environment.NewLine}{producer.Process.RecentLog}");
            throw;
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = await consumer.CountsAsync();
        var published = await producer.CountsAsync();
        output.WriteLine($"| {fault} | {sent} | {received.Received} | {expected - received.Received} | {received.AppliedTwice} | " +
            $"{received.RedeliveriesSkipped} | {published.FailedAttempts} | {published.Outbox.DeadLetters} | {_clock.Elapsed.TotalSeconds:0} s |{(note is null ? "" : " " + note)}");
        Assert.Equal(expected, received.Received);
        Assert.Equal(0, received.AppliedTwice);
        Assert.Equal((0, 0), (published.Outbox.Pending, published.Outbox.DeadLetters));
        return received;
    }

    [Fact]
    public async Task RabbitMQ_restarted_in_the_middle_of_a_burst_of_5000_events()
    {
        var (consumer, producer) = await StartAsync();
        await using (consumer)
        await using (producer)
        {
            var burst = producer.EmitAsync(0, 5000);
            await WaitForAsync(consumer, counts => counts.Received >= 200, TimeSpan.FromSeconds(60));
            var before = (await consumer.CountsAsync()).Received;
            await broker.RestartAsync();
            await burst;

            await SettleAsync("RabbitMQ restarted in the middle of a burst", consumer, producer, 5000, 5000, $"(restarted after {before} received)");
            Assert.True(before < 5000, "the broker restarted only after the burst had arrived");
        }
    }

    [Fact]
    public async Task A_consumer_process_killed_and_restarted_loses_nothing()
    {
        var (consumer, producer) = await StartAsync();
        await using (consumer)
        await using (producer)
        {
            await producer.EmitAsync(0, 1000);
            await WaitForAsync(consumer, counts => counts.Received >= 100);
            await consumer.KillAsync();
            var before = await ReceivedInDatabaseAsync(consumer);
            consumer.StartAgain();
            await consumer.WaitUntilReadyAsync();

            await SettleAsync("Consumer process killed and restarted", consumer, producer, 1000, 1000, $"(killed after {before} received)");
            Assert.True(before < 1000, "the consumer was killed only after every event had arrived");
        }
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_with_its_reason_and_the_rest_flows_on()
    {
        var (consumer, producer) = await StartAsync();
        await using (consumer)
        await using (producer)
        {
            await producer.EmitAsync(0, 500, 100, 100, 400);
            await SettleAsync("Poison message (2 of 500)", consumer, producer, 500, 498, "(both in `_error` with their reason)");

            var reasons = new List<string>();
            var factory = new ConnectionFactory { Uri = new Uri(broker.Uri) };
            await using var connection = await factory.CreateConnectionAsync();
            await Eventually.HoldsAsync(async () =>
            {
                // A channel per look: until the first fault has been moved there (after its retries) the error queue does
                // not exist, and the broker closes a channel that asks for a queue it does not know.
                await using var channel = await connection.CreateChannelAsync();
                var fault = await channel.BasicGetAsync($"{_scenario}-probe-event_error", autoAck: true);
                if (fault is not null)
                    reasons.Add(Encoding.UTF8.GetString((byte[])fault.BasicProperties.Headers!["MT-Fault-Message"]!));
                Assert.Equal(2, reasons.Count);
            }, TimeSpan.FromSeconds(30));
            Assert.Equal(["Event 100 is poison.", "Event 400 is poison."], reasons.Order());
        }
    }

    [Fact]
    public async Task A_producer_killed_between_commit_and_publish_publishes_the_rest_after_its_restart()
    {
        var (consumer, producer) = await StartAsync();
        await using (consumer)
        await using (producer)
        {
            await producer.EmitAsync(0, 1000);
            await producer.KillAsync();
            int unsent;
            await using (var outbox = Journal.Sqlite(Path.Combine(producer.DataDirectory, "probe.db")))
                unsent = await outbox.Set<OutboxMessage>().CountAsync(message => message.SentAt == null);
            SqliteConnection.ClearAllPools();
            producer.StartAgain();
            await producer.WaitUntilReadyAsync();

            await SettleAsync("Producer killed between commit and publish", consumer, producer, 1000, 1000, $"({unsent} committed but unsent at the kill)");
            Assert.True(unsent > 0, "every event had left before the kill");
        }
    }

    [Fact]
    public async Task A_service_started_while_the_broker_is_down_is_not_ready_and_catches_up_when_it_returns()
    {
        var consumer = Probe.Launch(_scenario, _scenario, broker.Uri, consume: true);
        await using (consumer)
        {
            await consumer.WaitUntilReadyAsync();
            await broker.StopAsync();
            try
            {
                var producer = Probe.Launch("producer", _scenario, broker.Uri, consume: false);
                await using (producer)
                {
                    await Eventually.HoldsAsync(async () => Assert.Equal(503, await producer.ReadyStatusAsync()), TimeSpan.FromSeconds(60));
                    await producer.EmitAsync(0, 500);
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    Assert.Equal(503, await producer.ReadyStatusAsync());
                    Assert.Equal(500, (await producer.CountsAsync()).Outbox.Pending);
                    await broker.StartAsync();

                    await producer.WaitUntilReadyAsync();
                    await SettleAsync("Broker down when the service starts", consumer, producer, 500, 500, "(not ready until the broker returned)");
                }
            }
            finally
            {
                await broker.StartAsync();
            }
        }
    }

    [Fact]
    public async Task A_ready_service_stays_ready_while_the_broker_is_down_and_its_outbox_holds_the_events()
    {
        var (consumer, producer) = await StartAsync();
        await using (consumer)
        await using (producer)
        {
            await broker.StopAsync();
            try
            {
                await producer.EmitAsync(0, 300);
                await Eventually.HoldsAsync(async () => Assert.Equal(300, (await producer.CountsAsync()).Outbox.Pending), TimeSpan.FromSeconds(60));
                // Readiness does not cascade: the producer still serves (degraded), it is not taken out of its load balancer.
                Assert.Equal(200, await producer.ReadyStatusAsync());
                Assert.Equal(200, await consumer.ReadyStatusAsync());
            }
            finally
            {
                await broker.StartAsync();
            }

            await SettleAsync("Broker down under ready services", consumer, producer, 300, 300, "(both ready, degraded, throughout)");
        }
    }

    static async Task<int> ReceivedInDatabaseAsync(Probe consumer)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(consumer.DataDirectory, "probe.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Receipts";
        var count = Convert.ToInt32(await command.ExecuteScalarAsync());
        SqliteConnection.ClearAllPools();
        return count;
    }
}
