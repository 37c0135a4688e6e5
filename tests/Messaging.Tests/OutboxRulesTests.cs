using System.Collections.Concurrent;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Kommune20.Messaging.Tests;

/// <summary>The outbox's rules without a broker: order, the attempt cap and dead letter, pruning, and one dispatcher at a time.</summary>
public sealed class OutboxRulesTests(ITestOutputHelper output) : IAsyncLifetime
{
    readonly string _data = TestEnvironment.NewDataDirectory("outbox");
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    readonly OutboxOptions _options = new() { MaxAttempts = 3 };
    readonly List<long> _published = [];
    Journal _db = null!;

    public async Task InitializeAsync()
    {
        _db = Journal.Sqlite(Path.Combine(_data, "journal.db"));
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    OutboxRelay Relay() => new(Options.Create(_options), _time, NullLogger<OutboxRelay>.Instance);

    Func<OutboxMessage, CancellationToken, Task> PublishFailing(params long[] failing) => (message, _) =>
    {
        if (failing.Contains(message.Sequence))
            throw new InvalidOperationException($"broker refused {message.Sequence}");
        _published.Add(message.Sequence);
        return Task.CompletedTask;
    };

    [Fact]
    public async Task A_failing_message_holds_back_the_later_ones_until_it_is_sent()
    {
        await _db.CommitEventsAsync(5);
        var relay = Relay();

        Assert.Equal(1, await relay.DispatchAsync(_db, PublishFailing(2), default));
        Assert.Equal(0, await relay.DispatchAsync(_db, PublishFailing(), default)); // still waiting for its retry time
        _time.Advance(_options.FirstRetryDelay);
        Assert.Equal(4, await relay.DispatchAsync(_db, PublishFailing(), default));

        Assert.Equal([1, 2, 3, 4, 5], _published);
        var second = await _db.Set<OutboxMessage>().SingleAsync(m => m.Sequence == 2);
        Assert.Equal(1, second.Attempts);
        Assert.Contains("broker refused 2", second.LastError);
    }

    [Fact]
    public async Task Messages_after_one_that_fails_in_flight_stay_pending_and_leave_again_after_it()
    {
        _options.PublishWindow = 50;
        await _db.CommitEventsAsync(5);
        var relay = Relay();
        var refuseSecond = true;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<OutboxMessage, CancellationToken, Task> confirmLater = async (message, _) =>
        {
            _published.Add(message.Sequence);
            if (message.Sequence == 5)
                allStarted.TrySetResult();
            await allStarted.Task; // the confirms come once the whole window is in flight
            if (refuseSecond && message.Sequence == 2)
                throw new InvalidOperationException("no confirm for 2");
        };

        Assert.Equal(1, await relay.DispatchAsync(_db, confirmLater, default));
        Assert.Equal(4, (await new OutboxStore(_db).CountAsync(default)).Pending);
        refuseSecond = false;
        _time.Advance(_options.FirstRetryDelay);
        Assert.Equal(4, await relay.DispatchAsync(_db, confirmLater, default));

        Assert.Equal([1, 2, 3, 4, 5, 2, 3, 4, 5], _published); // 3 to 5 twice, with their message ids: the inbox drops the copies
        Assert.Equal(0, (await new OutboxStore(_db).CountAsync(default)).Pending);
    }

    [Fact]
    public async Task After_the_attempt_cap_a_message_is_dead_lettered_with_its_reason_and_the_rest_flows_on()
    {
        await _db.CommitEventsAsync(3);
        var relay = Relay();
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < _options.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await relay.DispatchAsync(_db, PublishFailing(1), default));
            var head = await _db.Set<OutboxMessage>().SingleAsync(m => m.Sequence == 1);
            waits.Add(head.NextAttemptAt!.Value - _time.GetUtcNow());
            _time.Advance(waits[^1]);
        }
        Assert.Equal(2, await relay.DispatchAsync(_db, PublishFailing(1), default));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
        Assert.Equal([2, 3], _published);
        var deadLetter = Assert.Single(await new OutboxStore(_db).DeadLettersAsync(default));
        Assert.Equal((1, 3), (deadLetter.Sequence, deadLetter.Attempts));
        Assert.Equal("InvalidOperationException: broker refused 1", deadLetter.LastError);
        Assert.Equal((0, 1), ((await new OutboxStore(_db).CountAsync(default)).Pending, (await new OutboxStore(_db).CountAsync(default)).DeadLetters));

        Assert.True(await new OutboxStore(_db).RetryAsync(1, default));
        Assert.Equal(1, await relay.DispatchAsync(_db, PublishFailing(), default));
        Assert.Equal([2, 3, 1], _published);
    }

    [Fact]
    public void The_default_waits_double_up_to_a_minute_over_ten_attempts()
    {
        var options = new OutboxOptions();
        var waits = Enumerable.Range(1, options.MaxAttempts - 1).Select(options.RetryDelay).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task Sent_messages_and_inbox_entries_are_pruned_after_the_retention_period_but_not_pending_or_dead_ones()
    {
        await _db.CommitEventsAsync(4);
        _options.MaxAttempts = 1;
        var relay = Relay();
        await relay.DispatchAsync(_db, PublishFailing(2), default); // 1 sent, 2 dead-lettered, 3 and 4 sent
        _db.Set<InboxMessage>().Add(new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "old", ProcessedAt = _time.GetUtcNow() });
        await _db.SaveChangesAsync();

        _time.Advance(_options.Retention - TimeSpan.FromMinutes(1));
        _db.AddIntegrationEvent(new Numbered(5)); // committed now, still pending
        _db.Set<InboxMessage>().Add(new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "recent", ProcessedAt = _time.GetUtcNow() });
        await _db.SaveChangesAsync();
        Assert.Equal((0, 0), await relay.PruneAsync(_db, default));

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((3, 1), await relay.PruneAsync(_db, default));
        _db.ChangeTracker.Clear();
        Assert.Equal([2, 5], await _db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.Sequence).ToListAsync());
        Assert.Equal("recent", (await _db.Set<InboxMessage>().SingleAsync()).Consumer);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_PostgreSQL_database_publish_every_message_once_in_commit_order()
    {
        var connectionString = $"{TestEnvironment.Postgres};Database=outbox_{Guid.NewGuid():N}";
        await using (var setup = Journal.Postgres(connectionString))
        {
            await setup.Database.EnsureCreatedAsync();
            await setup.CommitEventsAsync(2000);
        }

        var published = new ConcurrentQueue<(int Dispatcher, long Sequence)>();
        var options = Options.Create(new OutboxOptions { BatchSize = 50 });
        async Task DispatchUntilEmptyAsync(int dispatcher)
        {
            var relay = new OutboxRelay(options, TimeProvider.System, NullLogger<OutboxRelay>.Instance);
            await using var db = Journal.Postgres(connectionString);
            for (var idle = 0; idle < 20;)
            {
                var count = await relay.DispatchAsync(db, async (message, _) =>
                {
                    published.Enqueue((dispatcher, message.Sequence));
                    await Task.Yield();
                }, default);
                db.ChangeTracker.Clear();
                idle = count == 0 ? idle + 1 : 0;
                await Task.Delay(10); // gives the other dispatcher its chance at the lock
            }
        }

        try
        {
            await Task.WhenAll(Task.Run(() => DispatchUntilEmptyAsync(1)), Task.Run(() => DispatchUntilEmptyAsync(2)));

            var sequences = published.Select(p => p.Sequence).ToList();
            output.WriteLine($"Two dispatchers: published {sequences.Count} of 2000, duplicated {sequences.Count - sequences.Distinct().Count()}, " +
                $"by the first {published.Count(p => p.Dispatcher == 1)}, by the second {published.Count(p => p.Dispatcher == 2)}");
            Assert.Equal(Enumerable.Range(1, 2000).Select(n => (long)n), sequences);
            Assert.Contains(published, p => p.Dispatcher == 1);
            Assert.Contains(published, p => p.Dispatcher == 2);
        }
        finally
        {
            await using var cleanup = Journal.Postgres(connectionString);
            await cleanup.Database.EnsureDeletedAsync();
        }
    }
}
