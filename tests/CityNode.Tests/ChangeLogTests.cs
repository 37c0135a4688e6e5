using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.CityNode.Tests;

/// <summary>What the hub is sent: every publication and withdrawal, in versions without gaps; drafts never.</summary>
[Collection(NodeCollection.Name)]
public sealed class ChangeLogTests(CityNodeFactory node)
{
    const string Body = """{"title":"Digitallotsen"}""";

    [Fact]
    public async Task A_draft_stays_out_of_the_log_until_it_is_published()
    {
        var draft = await WriteAsync("entwurf-bleibt", RecordStatus.Draft, Body);
        Assert.Empty(await EntriesAsync("entwurf-bleibt"));

        var published = await WriteAsync("entwurf-bleibt", RecordStatus.Published, body: null);

        var entry = Assert.Single(await EntriesAsync("entwurf-bleibt"));
        Assert.Equal(published.Version, entry.Version);
        Assert.Equal(Body, entry.Body);
        Assert.Equal(RecordStatus.Published, published.Status);
        Assert.Equal(0, draft.Version);
    }

    [Fact]
    public async Task Publications_and_withdrawals_follow_each_other_version_by_version()
    {
        var first = await WriteAsync("reihe-eins", RecordStatus.Published, Body);
        var second = await WriteAsync("reihe-zwei", RecordStatus.Published, Body);
        var withdrawn = await WriteAsync("reihe-eins", RecordStatus.Withdrawn, body: null);

        Assert.Equal(first.Version + 1, second.Version);
        Assert.Equal(second.Version + 1, withdrawn.Version);
        var withdrawal = (await EntriesAsync("reihe-eins")).Last();
        Assert.Equal(withdrawn.Version, withdrawal.Version);
        Assert.Null(withdrawal.Body);
    }

    [Fact]
    public async Task Concurrent_writes_still_get_one_version_each()
    {
        var records = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => WriteAsync($"gleichzeitig-{i}", RecordStatus.Published, Body)));

        var versions = records.Select(r => r.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => versions[0] + i), versions);
    }

    [Fact]
    public async Task A_discarded_draft_is_gone_and_left_no_trace()
    {
        var draft = await WriteAsync("verworfen", RecordStatus.Draft, Body);

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
            var stored = await db.Records.SingleAsync(r => r.Kind == draft.Kind && r.Id == draft.Id);
            await scope.ServiceProvider.GetRequiredService<ChangeLog>().DiscardDraftAsync(stored, CancellationToken.None);
        }

        await using var check = node.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<NodeDb>().Records.AnyAsync(r => r.Id == "verworfen"));
        Assert.Empty(await EntriesAsync("verworfen"));
    }

    async Task<CityRecord> WriteAsync(string id, RecordStatus status, string? body)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChangeLog>().WriteAsync(CityNodeFactory.Heidelberg, RecordKind.Practice, id, status, body, CancellationToken.None);
    }

    async Task<List<ChangeLogEntry>> EntriesAsync(string id)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NodeDb>().ChangeLog.AsNoTracking()
            .Where(entry => entry.RecordId == id).OrderBy(entry => entry.Version).ToListAsync();
    }
}
