using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data;

/// <summary>A service's database context: on SQLite each save waits for its turn to write (<see cref="SqliteWriteTurn"/>).</summary>
public abstract class ServiceDb(DbContextOptions options) : DbContext(options)
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var turn = SqliteWriteTurn.ForSave(this);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            turn?.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var turn = await SqliteWriteTurn.ForSaveAsync(this, cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            turn?.Release();
        }
    }
}
