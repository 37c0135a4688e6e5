using System.Diagnostics;
using System.Net.Http.Json;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;

namespace Kommune20.Bench.Tests;

public sealed class LiveRoomTests
{
    static readonly long Sent = Stopwatch.GetTimestamp();

    static long After(double milliseconds) => Sent + (long)(milliseconds / 1000 * Stopwatch.Frequency);

    [Fact]
    public void An_opening_is_done_when_its_last_participant_has_it_and_each_delivery_counts_from_the_request()
    {
        var fanOut = FanOut.Of(Sent, [After(40), After(120), After(75)], giveUpMs: 10_000);

        Assert.Equal((3, 0), (fanOut.Participants, fanOut.Missed));
        Assert.Equal(120, fanOut.LastMs, 3);
        Assert.Equal([40.0, 120, 75], fanOut.DeliveryMs.Select(ms => Math.Round(ms, 3)));
    }

    [Fact]
    public void An_opening_a_participant_missed_takes_the_whole_give_up_time_and_its_deliveries_stay_counted()
    {
        var fanOut = FanOut.Of(Sent, [After(40), null, After(75)], giveUpMs: 10_000);

        Assert.Equal((3, 1), (fanOut.Participants, fanOut.Missed));
        Assert.Equal(10_000, fanOut.LastMs);
        Assert.Equal(2, fanOut.DeliveryMs.Count);
        Assert.Equal(10_000, FanOut.Of(Sent, [null, null], giveUpMs: 10_000).LastMs);
    }

    [Fact]
    public async Task The_bare_rooms_broadcast_reaches_every_participant_and_one_of_another_opening_is_not_counted()
    {
        var (started, _) = await BaselineApp.StartAsync(BaselineApp.Broadcast);
        await using var process = started;
        using var http = new HttpClient { BaseAddress = process.BaseAddress };
        var room = Guid.NewGuid();
        await using var audience = await LiveAudience.ConnectAsync(new Uri(process.BaseAddress, "/hubs/broadcast"), [.. Enumerable.Repeat<string?>(null, 20)],
            "Join", room, parallelism: 4, CancellationToken.None);
        async Task Send(Guid id, CancellationToken ct) => (await http.PostAsJsonAsync($"/rooms/{room}/broadcast", new { id, text = "Leitfrage" }, ct)).EnsureSuccessStatusCode();

        var expected = Guid.NewGuid();
        var (reached, triggerMs) = await audience.BroadcastAsync(expected, ct => Send(expected, ct), TimeSpan.FromSeconds(20), CancellationToken.None);
        var (other, _) = await audience.BroadcastAsync(Guid.NewGuid(), ct => Send(Guid.NewGuid(), ct), TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Equal((20, 0), (reached.Participants, reached.Missed));
        Assert.InRange(reached.LastMs, 0, 20_000);
        Assert.True(triggerMs > 0);
        Assert.Equal((20, 20, 500.0), (other.Participants, other.Missed, other.LastMs));
        Assert.Equal(0, audience.Closed);
    }
}
