using Microsoft.EntityFrameworkCore;

namespace Kommune20.Messaging.Tests;

/// <summary>A database with nothing but the outbox and inbox, on SQLite or PostgreSQL.</summary>
public sealed class Journal(DbContextOptions<Journal> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox();

    public static Journal Sqlite(string file) => new(new DbContextOptionsBuilder<Journal>().UseSqlite($"Data Source={file}").Options);

    public static Journal Postgres(string connectionString) => new(new DbContextOptionsBuilder<Journal>().UseNpgsql(connectionString).Options);

    /// <summary>Commits <paramref name="count"/> events numbered from 1 in one transaction.</summary>
    public async Task CommitEventsAsync(int count)
    {
        for (var number = 1; number <= count; number++)
            this.AddIntegrationEvent(new Numbered(number));
        await SaveChangesAsync();
    }
}

public sealed record Numbered(int Number);
