using Kommune20.Data;
using Kommune20.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>A minimal service database: entries written with their event, and a tally a consumer keeps.</summary>
public class Ledger(DbContextOptions options) : DbContext(options)
{
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox();
}

/// <summary>The ledger on PostgreSQL, with its own migrations as every service database has (see AddServiceDatabase).</summary>
public sealed class PostgresLedger(DbContextOptions<PostgresLedger> options) : Ledger(options);

sealed class LedgerDesignTime : SqliteDesignTimeDatabase<Ledger>;

sealed class PostgresLedgerDesignTime : PostgresDesignTimeDatabase<PostgresLedger>;

public sealed class Entry
{
    public Guid Id { get; set; }
    public int Amount { get; set; }
}

public sealed class Tally
{
    public Guid Id { get; set; }
    public int Total { get; set; }
    public int Deliveries { get; set; }
}

public sealed record EntryRecorded(Guid EntryId, Guid TallyId, int Amount);

/// <summary>Adds each recorded amount to its tally: not idempotent by itself, so a duplicate would double the total.</summary>
public sealed class EntryRecordedConsumer(Ledger db) : IConsumer<EntryRecorded>
{
    public async Task Consume(ConsumeContext<EntryRecorded> context)
    {
        var tally = await db.Tallies.FindAsync([context.Message.TallyId], context.CancellationToken)
            ?? db.Tallies.Add(new Tally { Id = context.Message.TallyId }).Entity;
        tally.Total += context.Message.Amount;
        tally.Deliveries++;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
