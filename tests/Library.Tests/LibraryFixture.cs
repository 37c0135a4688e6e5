using System.Net.Http.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Library.Office;
using Kommune20.Library.Search;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

[CollectionDefinition(Name)]
public sealed class LibraryCollection : ICollectionFixture<LibraryFixture>
{
    public const string Name = "library with registry and broker";
}

/// <summary>One Registry process, one library and one upstream publisher on the real broker, shared by the integration tests.</summary>
public sealed class LibraryFixture : IAsyncLifetime
{
    public RegistryProcess Registry { get; private set; } = null!;
    public LibraryApp Library { get; private set; } = null!;
    public Upstream Federation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Registry = await RegistryProcess.StartAsync();
        // The benchmark's setting: OfficeApiTests fill the library through the office's bulk load.
        Library = new LibraryApp(Registry, new() { [OfficeApi.BulkLoadSetting] = "true" });
        (await Library.StartAsync()).Dispose(); // consumers bind their queues before anything is published
        Federation = await Upstream.ConnectAsync(Registry.MessagingNamespace);
    }

    public async Task DisposeAsync()
    {
        await Federation.DisposeAsync();
        await Library.DisposeAsync();
        await Registry.DisposeAsync();
    }

    /// <summary>A client of the library (the fixture's or <paramref name="library"/>) signed in as the office's integration.</summary>
    public async Task<HttpClient> AsOfficeAsync(LibraryApp? library = null)
    {
        var client = Registry.Credentials.ClientNamed("office-integration");
        var http = (library ?? Library).CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await new SignIn(Registry.Address).ClientTokenAsync(client.ClientId, client.ClientSecret));
        return http;
    }

    /// <summary>A practice key nobody else's test uses.</summary>
    public static string NewOriginId(string name) => $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 100)];

    public async Task<RecordOrigin> PublishAsync(Guid member, string originId, PracticeRecord record, long version = 1)
    {
        var origin = PracticeSamples.Origin(member, originId, version);
        if (version == 1)
            await Federation.PublishAsync(new PracticePublished(origin, record));
        else
            await Federation.PublishAsync(new PracticeUpdated(origin, record));
        return origin;
    }

    public async Task<PracticeSearchResult> SearchAsync(string query, HttpClient? client = null)
    {
        using var anonymous = client is null ? Library.CreateClient() : null;
        return (await (client ?? anonymous!).GetFromJsonAsync<PracticeSearchResult>("/api/library/practices" + query, Json.Options))!;
    }

    /// <summary>Waits until the index holds exactly what the search for <paramref name="query"/> is expected to find.</summary>
    public async Task<PracticeSearchResult> SearchUntilAsync(string query, Func<PracticeSearchResult, bool> expected, HttpClient? client = null)
    {
        PracticeSearchResult result = null!;
        await Eventually.HoldsAsync(async () =>
        {
            result = await SearchAsync(query, client);
            Assert.True(expected(result), $"{query}: {result.Total} hits");
        });
        return result;
    }
}
