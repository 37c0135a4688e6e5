using Kommune20.Federation.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.Data.Tests;

/// <summary>Federation's database set up as the service sets it up (SQLite, <c>AddServiceDatabase</c>) in a directory of its own, removed afterwards.</summary>
sealed class FederationDatabaseHost : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("k20-data-").FullName;
    readonly IHost _host;
    readonly List<IServiceScope> _scopes = [];

    public FederationDatabaseHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = _directory });
        builder.AddServiceDatabase<FederationDb, PostgresFederationDb>("federation");
        _host = builder.Build();
    }

    /// <summary>A context of a scope of its own, as each request or message gets one.</summary>
    public FederationDb NewContext()
    {
        var scope = _host.Services.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<FederationDb>();
    }

    public void Dispose()
    {
        _scopes.ForEach(scope => scope.Dispose());
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
