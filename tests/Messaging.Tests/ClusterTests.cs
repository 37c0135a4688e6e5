using System.Diagnostics;
using Kommune20.Testing;
using Xunit.Abstractions;

namespace Kommune20.Messaging.Tests;

/// <summary>Three local RabbitMQ nodes joined into one cluster, as a network that outgrows one broker runs them.</summary>
public sealed class ThreeNodeCluster : IAsyncLifetime
{
    public ThrowawayRabbitMq[] Nodes { get; } = [new(), new(), new()];

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Nodes.Select(node => node.InitializeAsync()));
        await Nodes[1].JoinAsync(Nodes[0]);
        await Nodes[2].JoinAsync(Nodes[0]);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes)
            await node.DisposeAsync();
    }
}

/// <summary>
/// With the cluster's nodes configured the services' queues are quorum queues: the node that leads the consumer's queue
/// stops in the middle of a steady stream, another node takes the lead, and every event arrives once.
/// </summary>
public sealed class ClusterTests(ThreeNodeCluster cluster, ITestOutputHelper output) : IClassFixture<ThreeNodeCluster>
{
    [Fact]
    public async Task The_node_leading_the_queue_stops_and_nothing_is_lost()
    {
        var scenario = "cluster" + Guid.NewGuid().ToString("N")[..8];
        var nodes = cluster.Nodes;
        string[] others = [nodes[1].Endpoint, nodes[2].Endpoint];
        await using var consumer = Probe.Launch(scenario, scenario, nodes[0].Uri, consume: true, clusterNodes: others);
        await consumer.WaitUntilReadyAsync();
        await using var producer = Probe.Launch("producer", scenario, nodes[0].Uri, consume: false, clusterNodes: others);
        await producer.WaitUntilReadyAsync();

        var queue = $"{scenario}-probe-event";
        var leader = await nodes[0].LeaderOfAsync(queue);
        var leading = Assert.Single(nodes, node => node.Node == leader);
        var clock = Stopwatch.StartNew();
        const int Events = 3000;
        var stream = Task.Run(async () =>
        {
            for (var from = 0; from < Events; from += 100)
            {
                await producer.EmitAsync(from, 100);
                await Task.Delay(50);
            }
        });
        await Eventually.HoldsAsync(async () => Assert.True((await consumer.CountsAsync()).Received >= 300), TimeSpan.FromMinutes(2));
        var before = (await consumer.CountsAsync()).Received;
        await leading.StopAsync();
        await stream;

        var survivor = nodes.First(node => node != leading);
        await Eventually.HoldsAsync(async () => Assert.Equal(Events, (await consumer.CountsAsync()).Received), TimeSpan.FromMinutes(5));
        var received = await consumer.CountsAsync();
        var published = await producer.CountsAsync();
        var newLeader = await survivor.LeaderOfAsync(queue);
        output.WriteLine($"leader {leader} stopped after {before} of {Events} events at {clock.Elapsed.TotalSeconds:0} s; new leader {newLeader}; " +
            $"received {received.Received}, applied twice {received.AppliedTwice}, redeliveries skipped {received.RedeliveriesSkipped}, failed publishes {published.FailedAttempts}");
        Assert.True(before < Events, "the leader stopped only after the stream had arrived");
        Assert.Equal(0, received.AppliedTwice);
        Assert.Equal((0, 0), (published.Outbox.Pending, published.Outbox.DeadLetters));
        Assert.NotEqual(leader, newLeader);
        Assert.Contains(nodes, node => node != leading && node.Node == newLeader);
    }
}
