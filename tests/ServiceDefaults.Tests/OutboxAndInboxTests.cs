using Kommune20.Data;
using Kommune20.Messaging;
using Kommune20.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>The shared outbox and inbox against the real broker: an event leaves only with its commit, and a consumer sees it once.</summary>
public sealed class OutboxAndInboxTests : IAsyncLifetime
{
    readonly string _data = TestEnvironment.NewDataDirectory("ledger");
    IHost _service = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["K20_DATA"] = _data,
            ["ConnectionStrings:RabbitMq"] = TestEnvironment.RabbitMq,
        });
        builder.AddServiceDatabase<Ledger, PostgresLedger>("ledger");
        builder.AddMessaging<Ledger>("ledger-" + Guid.NewGuid().ToString("N")[..8], typeof(EntryRecordedConsumer).Assembly);
        _service = builder.Build();
        await _service.StartAsync();
        await _service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await _service.StopAsync();
        _service.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    async Task<T> WithLedgerAsync<T>(Func<Ledger, Task<T>> work)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<Ledger>());
    }

    [Fact]
    public void Messaging_adds_the_commit_signal_to_the_pooled_database_options()
    {
        var options = _service.Services.GetRequiredService<DbContextOptions<Ledger>>();
        Assert.Contains(options.FindExtension<CoreOptionsExtension>()!.Interceptors!, interceptor => interceptor is SaveChangesInterceptor);
    }

    [Fact]
    public async Task A_committed_event_is_published_and_consumed_with_its_state_change()
    {
        var tallyId = Guid.NewGuid();
        await WithLedgerAsync(async db =>
        {
            var entry = db.Entries.Add(new Entry { Id = Guid.NewGuid(), Amount = 7 }).Entity;
            db.AddIntegrationEvent(new EntryRecorded(entry.Id, tallyId, entry.Amount));
            return await db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(async () =>
        {
            var tally = await WithLedgerAsync(db => db.Tallies.AsNoTracking().SingleAsync(t => t.Id == tallyId));
            Assert.Equal(7, tally.Total);
        });
        var outbox = await WithLedgerAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        Assert.All(outbox, message => Assert.NotNull(message.SentAt));
    }

    [Fact]
    public async Task An_event_staged_without_a_commit_never_leaves()
    {
        var tallyId = Guid.NewGuid();
        await WithLedgerAsync(db =>
        {
            db.AddIntegrationEvent(new EntryRecorded(Guid.NewGuid(), tallyId, 3));
            return Task.FromResult(0);
        });

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(await WithLedgerAsync(db => db.Tallies.AnyAsync(t => t.Id == tallyId)));
        Assert.Empty(await WithLedgerAsync(db => db.Set<OutboxMessage>().ToListAsync()));
    }

    [Fact]
    public async Task A_redelivered_message_is_consumed_once()
    {
        var tallyId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var bus = _service.Services.GetRequiredService<IBus>();
        for (var delivery = 0; delivery < 3; delivery++)
            await bus.Publish(new EntryRecorded(Guid.NewGuid(), tallyId, 5), context => context.MessageId = messageId);
        await bus.Publish(new EntryRecorded(Guid.NewGuid(), tallyId, 1));

        await Eventually.HoldsAsync(async () =>
        {
            var tally = await WithLedgerAsync(db => db.Tallies.AsNoTracking().SingleAsync(t => t.Id == tallyId));
            Assert.Equal(2, tally.Deliveries);
        });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var final = await WithLedgerAsync(db => db.Tallies.AsNoTracking().SingleAsync(t => t.Id == tallyId));
        Assert.Equal(6, final.Total);
        Assert.Equal(2, final.Deliveries);
    }
}
