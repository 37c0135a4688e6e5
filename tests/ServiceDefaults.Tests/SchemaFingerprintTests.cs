using Kommune20.Data;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>Without migrations, a database created by another version of a service is refused at start, not used half-fitting.</summary>
public sealed class SchemaFingerprintTests
{
    readonly string _data = TestEnvironment.NewDataDirectory("schema");

    [Fact]
    public async Task The_same_schema_starts_again_and_another_one_is_refused_with_a_clear_message()
    {
        await StartAndStopAsync<Ledger>();
        await StartAndStopAsync<Ledger>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(StartAndStopAsync<LedgerWithNotes>);
        Assert.Contains("created by another version", refused.Message);
    }

    async Task StartAndStopAsync<TDb>() where TDb : DbContext
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = _data });
        builder.AddServiceDatabase<TDb>("ledger");
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }

    /// <summary>The ledger of a later version: one more column.</summary>
    public sealed class LedgerWithNotes(DbContextOptions<LedgerWithNotes> options) : DbContext(options)
    {
        public DbSet<NotedEntry> Entries => Set<NotedEntry>();

        public sealed class NotedEntry
        {
            public Guid Id { get; init; }
            public string? Note { get; set; }
        }
    }
}
