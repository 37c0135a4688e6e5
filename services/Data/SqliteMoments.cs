using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kommune20.Data;

/// <summary>
/// SQLite has no type for a moment in time, and EF Core cannot order or compare <see cref="DateTimeOffset"/> columns
/// there. Kept as UTC ticks instead, they sort and compare in the database; read back, they are UTC moments.
/// PostgreSQL's timestamptz needs none of this.
/// </summary>
public static class SqliteMoments
{
    public static void StoreMomentsAsUtcTicks(this ModelConfigurationBuilder conventions, DbContext db)
    {
        if (db.Database.IsSqlite())
        {
            conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            conventions.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>For a column that must compare on every provider without the convention (the outbox's and inbox's moments).</summary>
    public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        moment => moment.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
