using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>One hub (the topology's services and the gateway as real processes, real RabbitMQ) with its demo data.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public Hub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await Hub.StartAsync();

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

/// <summary>
/// One hub for the classes whose tests each make their own data (a member, a practice under a marker of its own, the
/// demo's live room) and count nothing the others change: a hub's start is most of such a class's time. A class that
/// counts the demo register's members or the assemblies (the assembly, the OParl walk), stops a process or needs other
/// settings keeps a hub of its own (<c>IClassFixture&lt;HubFixture&gt;</c> or a fixture of its own).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedHub : ICollectionFixture<HubFixture>
{
    public const string Name = "shared hub";
}
