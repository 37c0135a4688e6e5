using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kommune20.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's context without starting the service (no configuration, no
/// broker, no database: adding a migration only compares the model with the last snapshot). A service derives one class
/// per provider, so the tool finds them in the service's assembly; see docs/OPERATIONS.md "Upgrades" for the commands.
/// </summary>
public abstract class SqliteDesignTimeDatabase<TDb> : IDesignTimeDbContextFactory<TDb> where TDb : DbContext
{
    public TDb CreateDbContext(string[] args) =>
        DesignTime.Create<TDb>(new DbContextOptionsBuilder<TDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <inheritdoc cref="SqliteDesignTimeDatabase{TDb}"/>
public abstract class PostgresDesignTimeDatabase<TDb> : IDesignTimeDbContextFactory<TDb> where TDb : DbContext
{
    public TDb CreateDbContext(string[] args) =>
        DesignTime.Create<TDb>(new DbContextOptionsBuilder<TDb>().UseNpgsql("Host=localhost;Database=design-time").Options);
}

file static class DesignTime
{
    public static TDb Create<TDb>(DbContextOptions<TDb> options) where TDb : DbContext =>
        (TDb)Activator.CreateInstance(typeof(TDb), options)!;
}
