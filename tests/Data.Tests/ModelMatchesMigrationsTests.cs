using Kommune20.CityNode.Data;
using Kommune20.Federation.Data;
using Kommune20.Library.Data;
using Kommune20.Meetings.Data;
using Kommune20.Notifications.Data;
using Kommune20.Projects.Data;
using Kommune20.Registry.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Tests;

/// <summary>
/// Every service database's model is what its migrations build, on both providers: a model change without a migration
/// (or with one for a single provider) fails here instead of at a service's start.
/// </summary>
public sealed class ModelMatchesMigrationsTests
{
    public static TheoryData<Type> SqliteContexts =>
        [typeof(RegistryDb), typeof(FederationDb), typeof(LibraryDb), typeof(MeetingsDb), typeof(ProjectsDb), typeof(NotificationsDb), typeof(NodeDb)];

    public static TheoryData<Type> PostgresContexts =>
    [
        typeof(PostgresRegistryDb), typeof(PostgresFederationDb), typeof(PostgresLibraryDb), typeof(PostgresMeetingsDb),
        typeof(PostgresProjectsDb), typeof(PostgresNotificationsDb), typeof(PostgresNodeDb),
    ];

    [Theory]
    [MemberData(nameof(SqliteContexts))]
    public void The_SQLite_migrations_build_the_model(Type context)
    {
        using var db = Contexts.Create(context, options => options.UseSqlite("Data Source=:memory:"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{context.Name} has model changes without a migration");
    }

    [Theory]
    [MemberData(nameof(PostgresContexts))]
    public void The_PostgreSQL_migrations_build_the_model(Type context)
    {
        using var db = Contexts.Create(context, options => options.UseNpgsql("Host=localhost"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{context.Name} has model changes without a migration");
    }
}
