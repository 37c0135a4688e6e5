using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Instances;

/// <summary>
/// The hub as a deployment with replicas runs it: every service on PostgreSQL, Redis for the portal's key ring and
/// Meetings' live room, and two instances of the library, Meetings and the portal, which the gateway takes in turn; and
/// Heidelberg's node, on PostgreSQL too, pushing its demo records.
/// </summary>
public sealed class TwiceFixture : IAsyncLifetime
{
    public const string Name = "twice";

    public Hub Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await Hub.StartAsync(new HubOptions
        {
            Postgres = TestEnvironment.Postgres,
            Redis = TestEnvironment.Redis,
            Twice = ["library", "meetings", "portal"],
        });
        await Hub.StartCityNodeAsync("heidelberg", "node-heidelberg", new Dictionary<string, string> { ["Seed__DemoData"] = "true" });
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>Instance A and instance B of <paramref name="service"/>, called directly.</summary>
    public (Uri A, Uri B) Instances(string service) => (Hub.Process(service).BaseAddress, Hub.Process(Hub.SecondName(service)).BaseAddress);
}

[CollectionDefinition(TwiceFixture.Name)]
public sealed class TwiceCollection : ICollectionFixture<TwiceFixture>;
