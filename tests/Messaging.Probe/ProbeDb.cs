using Kommune20.Data;
using Kommune20.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Messaging.Probe;

public class ProbeDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutboxAndInbox();
        // The event's number is the key: generated keys would file event 0 under a number of its own choosing.
        model.Entity<Receipt>().Property(receipt => receipt.Id).ValueGeneratedNever();
    }
}

/// <summary>The probe's database on PostgreSQL, with its own migrations as every service database has (see AddServiceDatabase).</summary>
public sealed class PostgresProbeDb(DbContextOptions<PostgresProbeDb> options) : ProbeDb(options);

sealed class ProbeDbDesignTime : SqliteDesignTimeDatabase<ProbeDb>;

sealed class PostgresProbeDbDesignTime : PostgresDesignTimeDatabase<PostgresProbeDb>;

/// <summary>An event number received, and how often its effect was applied (more than once would be a duplicate).</summary>
public sealed class Receipt
{
    public int Id { get; set; }
    public int Applications { get; set; }
}

public sealed record ProbeEvent(int Number, bool Poison);

/// <summary>Applies an event by counting it; a poison event fails every time, as a consumer bug would.</summary>
public sealed class ProbeEventConsumer(ProbeDb db) : IConsumer<ProbeEvent>
{
    public async Task Consume(ConsumeContext<ProbeEvent> context)
    {
        if (context.Message.Poison)
            throw new InvalidOperationException($"Event {context.Message.Number} is poison.");
        var receipt = await db.Receipts.FindAsync([context.Message.Number], context.CancellationToken)
            ?? db.Receipts.Add(new Receipt { Id = context.Message.Number }).Entity;
        receipt.Applications++;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
