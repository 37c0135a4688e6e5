using System.Net.Http.Json;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.Data.Sqlite;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// Heilbronn's node comes back from a backup older than what the hub has: it notices by itself (the hub's cursor lies
/// beyond its log), re-syncs without anyone pressing a button, and its federation status says so.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class RestoreTests(FederationFixture fixture)
{
    Hub Hub => fixture.Hub;

    public sealed record Restore(DateTimeOffset NoticedAt, long HubVersion, DateTimeOffset? ResyncedAt);

    public sealed record NodeState(long HeadVersion, long AcknowledgedVersion, long Lag, Restore? Restore);

    [Fact]
    public async Task A_node_restored_from_an_older_backup_resyncs_by_itself_and_says_so()
    {
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        var database = Path.Combine(Hub.DataDirectory, "heilbronn", "citynode.db");
        var backup = Path.Combine(Hub.DataDirectory, $"heilbronn-sicherung-{Guid.NewGuid():N}.db");
        var before = $"vor-der-sicherung-{Guid.NewGuid():N}"[..28];
        var after = $"nach-der-sicherung-{Guid.NewGuid():N}"[..28];

        using (var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heilbronn, "heilbronn"))
        {
            (await editor.PublishAsync(before, Practices.Digitallotsen("Heilbronn vor der Sicherung"))).EnsureSuccessStatusCode();
            await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, before)));
            await using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                await connection.OpenAsync();
                await using var copy = connection.CreateCommand();
                copy.CommandText = $"VACUUM INTO '{backup}'";
                await copy.ExecuteNonQueryAsync();
            }
            (await editor.PublishAsync(after, Practices.Digitallotsen("Heilbronn nach der Sicherung"))).EnsureSuccessStatusCode();
            await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, after)));
        }

        fixture.Heilbronn = await Hub.RestartAsync("heilbronn", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
                File.Delete(file);
            File.Move(backup, database);
            return Task.CompletedTask;
        });

        using var restored = await CityNodeEditor.SignInAsync(Hub, fixture.Heilbronn, "heilbronn");
        NodeState? state = null;
        await Eventually.HoldsAsync(async () =>
        {
            state = await restored.Http.GetFromJsonAsync<NodeState>("/api/node/federation", Json.Options);
            Assert.NotNull(state!.Restore?.ResyncedAt);
        });
        Assert.True(state!.Restore!.HubVersion > state.HeadVersion);
        Assert.Equal((state.HeadVersion, 0L), (state.AcknowledgedVersion, state.Lag));
        Assert.Null(await hub.PracticeAsync(Practices.Heilbronn, after));
        Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, before));

        // The node's next change is not skipped as known: the hub's cursor went back to the restored log.
        var again = $"wieder-da-{Guid.NewGuid():N}"[..24];
        (await restored.PublishAsync(again, Practices.Digitallotsen("Heilbronn nach der Wiederherstellung"))).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, again)));
    }
}
