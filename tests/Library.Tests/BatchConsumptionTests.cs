using Kommune20.Contracts.Federation;
using Kommune20.Library.Data;
using Kommune20.Messaging;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Library.Tests;

/// <summary>The library takes the federation's practice events in batches, one commit each, through the real broker.</summary>
[Collection(LibraryCollection.Name)]
public sealed class BatchConsumptionTests(LibraryFixture fixture)
{
    [Fact]
    public async Task A_burst_of_publications_is_committed_in_batches_each_message_recorded_once()
    {
        var marker = "burstmarker" + Guid.NewGuid().ToString("N")[..6];
        var messageIds = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(messageIds.Select(messageId => fixture.Federation.PublishAsync(
            new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("burst")),
                PracticeSamples.Datenplattform() with { Topics = [marker] }), messageId)));

        await fixture.SearchUntilAsync($"?topic={marker}", result => result.Total == messageIds.Count);
        var inbox = await InboxAsync(messageIds);
        Assert.Equal(messageIds.Count, inbox.Count);
        // The messages of a batch are recorded with the batch's time: fewer times than messages means shared commits.
        var commits = inbox.Select(message => message.ProcessedAt).Distinct().Count();
        Assert.True(commits <= messageIds.Count / 2, $"{messageIds.Count} messages in {commits} commits");
    }

    [Fact]
    public async Task A_message_delivered_again_is_skipped_by_its_id()
    {
        var marker = "againmarker" + Guid.NewGuid().ToString("N")[..6];
        var originId = LibraryFixture.NewOriginId("again");
        var messageId = Guid.NewGuid();
        await fixture.Federation.PublishAsync(new PracticeUpdated(PracticeSamples.Origin(PracticeSamples.Heidelberg, originId, 2),
            PracticeSamples.Datenplattform() with { Topics = [marker] }), messageId);
        await fixture.SearchUntilAsync($"?q=Datenplattform&topic={marker}", result => result.Total == 1);

        // The same id again, carrying a newer version to show that it is the id that is skipped, then a message after it.
        await fixture.Federation.PublishAsync(new PracticeUpdated(PracticeSamples.Origin(PracticeSamples.Heidelberg, originId, 3),
            PracticeSamples.Datenplattform() with { Title = "Zweite Zustellung", Topics = [marker] }), messageId);
        var after = "aftermarker" + Guid.NewGuid().ToString("N")[..6];
        await fixture.Federation.PublishAsync(new PracticeUpdated(PracticeSamples.Origin(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("after"), 2),
            PracticeSamples.Datenplattform() with { Topics = [after] }));
        await fixture.SearchUntilAsync($"?topic={after}", result => result.Total == 1);

        Assert.Equal(0, (await fixture.SearchAsync($"?q=Zweite&topic={marker}")).Total);
        Assert.Single(await InboxAsync([messageId]));
    }

    async Task<List<InboxMessage>> InboxAsync(IReadOnlyCollection<Guid> messageIds)
    {
        using var scope = fixture.Library.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        return await db.Set<InboxMessage>().AsNoTracking().Where(message => messageIds.Contains(message.MessageId)).ToListAsync();
    }
}
