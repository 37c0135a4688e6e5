using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.Data;

/// <summary>
/// Each service owns one database: a SQLite file under the data directory on one machine, or PostgreSQL when
/// <c>Database:Provider</c> is <c>Postgres</c> and <c>ConnectionStrings:{name}</c> points at it.
/// </summary>
public static class ServiceDatabase
{
    /// <summary>
    /// The context <typeparamref name="TDb"/>, its migrations applied at start, and a readiness check of the database.
    /// The two providers need different migrations, so each has its own set (EF Core's "one context type per provider"):
    /// <typeparamref name="TDb"/> carries the SQLite set, <typeparamref name="TPostgresDb"/> (a subclass that adds nothing)
    /// the PostgreSQL one. On PostgreSQL the subclass is what the pool hands out wherever <typeparamref name="TDb"/> is asked for.
    /// </summary>
    /// <param name="migrateAfterListening">Migrate as the first startup work (<see cref="IStartupWork"/>) instead of before
    /// the service listens: for a service whose background work all waits for the startup gate (the Registry).</param>
    public static IHostApplicationBuilder AddServiceDatabase<TDb, TPostgresDb>(this IHostApplicationBuilder builder, string name,
        bool migrateAfterListening = false)
        where TDb : DbContext
        where TPostgresDb : TDb
    {
        var configuration = builder.Configuration;
        var usePostgres = string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
        var connectionString = configuration.GetConnectionString(name)
            ?? (usePostgres
                ? throw new InvalidOperationException($"ConnectionStrings:{name} is required when Database:Provider is Postgres.")
                : $"Data Source={Path.Combine(DataDirectory.Of(configuration), name + ".db")}");

        // Pooled: the options are built once and contexts are reset and reused, instead of both per scope (a gRPC call
        // each). No context or interceptor may therefore keep the state of one unit of work in a field.
        if (usePostgres)
            builder.Services.AddDbContextPool<TDb, TPostgresDb>(options => options.UseNpgsql(connectionString).AddInterceptors(Audit.AuditLog.AppendOnly));
        else
            builder.Services.AddDbContextPool<TDb>(options => options.UseSqlite(connectionString)
                .AddInterceptors(SqliteConnectionReuse.Instance, SqliteBusyWait.Instance, Audit.AuditLog.AppendOnly));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>($"{name}-database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        if (migrateAfterListening)
            builder.Services.AddStartupWork<DatabaseInitializer<TDb>>();
        else
            builder.Services.AddHostedService<DatabaseInitializer<TDb>>();
        return builder;
    }
}
