using Kommune20.Library.Data;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Tests;

/// <summary>What the indexer reads: the practices whose revision its index lacks, in id order, a sweep going on after its last batch.</summary>
public sealed class PendingPracticesTests
{
    static readonly Guid Index = Guid.NewGuid();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_sweep_goes_on_after_its_last_batch_and_skips_what_the_index_holds(string provider)
    {
        await using var db = provider == "Sqlite"
            ? new LibraryDb(new DbContextOptionsBuilder<LibraryDb>().UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"pending-{Guid.NewGuid():N}.db")}").Options)
            : new PostgresLibraryDb(new DbContextOptionsBuilder<PostgresLibraryDb>().UseNpgsql($"{TestEnvironment.Postgres};Database=library_{Guid.NewGuid():N}").Options);
        await db.Database.EnsureCreatedAsync();
        try
        {
            db.Practices.AddRange(Enumerable.Range(0, 10).Select(n => Published($"sweep-{n}")));
            await db.SaveChangesAsync();
            var all = await PendingIn(db);
            Assert.Equal(10, all.Count);

            // The index holds one practice's revision and an older revision of another, which is still pending.
            var held = await db.Practices.SingleAsync(p => p.Id == all[2]);
            var behind = await db.Practices.SingleAsync(p => p.Id == all[6]);
            db.IndexedRevisions.AddRange(
                new IndexedRevision { IndexId = Index, PracticeId = held.Id, Revision = held.Revision },
                new IndexedRevision { IndexId = Index, PracticeId = behind.Id, Revision = behind.Revision - 1 });
            await db.SaveChangesAsync();

            Assert.Equal(all.Where(id => id != held.Id), await PendingIn(db));
            Assert.Equal(all.Skip(5).Where(id => id != held.Id), await PendingIn(db, after: all[4]));
            Assert.Empty(await PendingIn(db, after: all[^1]));
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    static Task<List<Guid>> PendingIn(LibraryDb db, Guid? after = null) => db.PracticesPendingFor(Index, after).Select(p => p.Id).ToListAsync();

    static Practice Published(string originId)
    {
        var origin = PracticeSamples.Origin(PracticeSamples.Heidelberg, originId, 1);
        var practice = Practice.From(origin);
        practice.Apply(origin, PracticeSamples.Digitallotsen());
        return practice;
    }
}
