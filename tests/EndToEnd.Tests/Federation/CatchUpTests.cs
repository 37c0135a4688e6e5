using System.Net;
using Kommune20.Contracts.Federation;
using Kommune20.EndToEnd.Tests.Notifications;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// Two real nodes push 1,000 changes through the gateway while the hub's Federation process is killed and started again
/// mid-stream. Afterwards the hub holds exactly what each city holds, and every change was announced exactly once.
/// Not on the federation fixture, whose small limits the stream would reach, but on the notifications hub: its other tests
/// publish no practice of Heidelberg or Pforzheim, and none of them runs while Federation restarts (one collection).
/// </summary>
[Collection(NotificationsHub.Name)]
public sealed class CatchUpTests(NotificationsHub fixture)
{
    const int PracticesPerCity = 200;
    const int WithdrawnPerCity = 100;

    Hub Hub => fixture.Hub;

    [Fact]
    public async Task A_thousand_changes_survive_a_restart_of_Federation_and_each_event_is_consumed_once()
    {
        var heidelbergNode = await Hub.StartCityNodeAsync("heidelberg", "node-heidelberg");
        var pforzheimNode = await Hub.StartCityNodeAsync("pforzheim", "node-pforzheim");
        await using var published = await EventProbe<PracticePublished>.SubscribeAsync(Hub);
        await using var updated = await EventProbe<PracticeUpdated>.SubscribeAsync(Hub);
        await using var withdrawn = await EventProbe<PracticeWithdrawn>.SubscribeAsync(Hub);
        using var heidelberg = await CityNodeEditor.SignInAsync(Hub, heidelbergNode, "heidelberg");
        using var pforzheim = await CityNodeEditor.SignInAsync(Hub, pforzheimNode, "pforzheim");

        const int EditorsPerCity = 2;
        var restarted = new TaskCompletionSource();
        var halfway = 0;
        async Task EditAsync(CityNodeEditor editor, string city, int share)
        {
            // 200 publications, 200 edits, 100 withdrawals: 500 changes per city, two editors at once.
            var mine = Enumerable.Range(0, PracticesPerCity).Where(i => i % EditorsPerCity == share).ToList();
            foreach (var i in mine)
                await ExpectAsync(editor.PublishAsync($"{city}-{i}", Practices.Digitallotsen($"{city} {i}")), HttpStatusCode.Created);
            if (Interlocked.Increment(ref halfway) == 2 * EditorsPerCity)
                _ = Task.Run(async () => { await Hub.RestartAsync("federation"); restarted.SetResult(); });
            foreach (var i in mine)
                await ExpectAsync(editor.ChangeAsync($"{city}-{i}", Practices.Digitallotsen($"{city} {i} (überarbeitet)")), HttpStatusCode.OK);
            foreach (var i in mine.Where(i => i % 2 == 0 && i < 2 * WithdrawnPerCity))
                await ExpectAsync(editor.WithdrawAsync($"{city}-{i}"), HttpStatusCode.NoContent);
        }
        await Task.WhenAll(Enumerable.Range(0, EditorsPerCity).SelectMany(share => new[]
        {
            EditAsync(heidelberg, "heidelberg", share),
            EditAsync(pforzheim, "pforzheim", share),
        }));
        await restarted.Task;

        using var replicas = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        foreach (var (editor, origin) in new[] { (heidelberg, Practices.Heidelberg), (pforzheim, Practices.Pforzheim) })
        {
            await Eventually.HoldsAsync(async () =>
            {
                // Concurrent edits still number the node's log 1..500 without gaps (a version is the log's key).
                var state = await editor.FederationAsync();
                Assert.Equal(500, state.HeadVersion);
                Assert.Equal(500, state.AcknowledgedVersion);
            }, TimeSpan.FromSeconds(90));

            var atNode = (await editor.PracticesAsync()).Where(r => r.Status == "published").Select(r => (r.Id, r.Version)).Order().ToList();
            var atHub = (await replicas.PracticesOfAsync(origin)).Select(r => (r.OriginId, r.Version)).Order().ToList();
            Assert.Equal(PracticesPerCity - WithdrawnPerCity, atNode.Count);
            Assert.Equal(atNode, atHub);
        }

        // Every change is one event with one message id: redeliveries (a publish repeated after the restart) carry the
        // same id, which a consumer's inbox drops; no change was announced twice under different ids or lost.
        // The broker is shared with the run's other tests, so only this test's records count.
        static bool Ours(RecordOrigin origin) =>
            origin.OriginId.StartsWith("heidelberg-", StringComparison.Ordinal) || origin.OriginId.StartsWith("pforzheim-", StringComparison.Ordinal);
        await Eventually.HoldsAsync(() =>
        {
            var announcements = published.Deliveries.Select(d => (d.MessageId, d.Message.Origin, Kind: "published"))
                .Concat(updated.Deliveries.Select(d => (d.MessageId, d.Message.Origin, Kind: "updated")))
                .Concat(withdrawn.Deliveries.Select(d => (d.MessageId, d.Message.Origin, Kind: "withdrawn")))
                .Where(d => Ours(d.Origin))
                .GroupBy(d => (d.Origin.OriginMemberId, d.Origin.OriginId, d.Origin.Version))
                .ToList();
            Assert.Equal(1000, announcements.Count);
            Assert.All(announcements, change => Assert.Single(change.Select(d => d.MessageId).Distinct()));
            Assert.Equal(2 * PracticesPerCity, announcements.Count(change => change.First().Kind == "published"));
            Assert.Equal(2 * WithdrawnPerCity, announcements.Count(change => change.First().Kind == "withdrawn"));
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(60));
    }

    static async Task ExpectAsync(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        Assert.Equal(expected, response.StatusCode);
    }
}
