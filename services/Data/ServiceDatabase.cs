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
    /// <summary>The context <typeparamref name="TDb"/>, the schema created at start, and a readiness check of the database.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDb>(this IHostApplicationBuilder builder, string name)
        where TDb : DbContext
    {
        var configuration = builder.Configuration;
        var usePostgres = string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
        var connectionString = configuration.GetConnectionString(name)
            ?? (usePostgres
                ? throw new InvalidOperationException($"ConnectionStrings:{name} is required when Database:Provider is Postgres.")
                : $"Data Source={Path.Combine(DataDirectory.Of(configuration), name + ".db")}");

        // Pooled: the options are built once and contexts are reset and reused, instead of both per scope (a gRPC call
        // each). No context or interceptor may therefore keep the state of one unit of work in a field.
        builder.Services.AddDbContextPool<TDb>(options =>
        {
            if (usePostgres)
                options.UseNpgsql(connectionString);
            else
                options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionReuse.Instance);
            options.AddInterceptors(Audit.AuditLog.AppendOnly);
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>($"{name}-database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddHostedService<DatabaseInitializer<TDb>>();
        return builder;
    }
}
