using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Library.Search;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>
/// Two instances of the library on one PostgreSQL database, each with its own search index: a practice's message is
/// applied once (the shared inbox turns the second delivery away), yet both find the practice, and an instance that
/// starts later catches up on what the other indexed before it came.
/// </summary>
[Collection(LibraryCollection.Name)]
public sealed class TwoInstancesTests(LibraryFixture fixture)
{
    [Fact]
    public async Task Each_instance_indexes_every_practice_whichever_took_its_message()
    {
        var shared = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:library"] = $"{TestEnvironment.Postgres};Database=library_{Guid.NewGuid():N}",
        };
        var marker = "zweiinstanzen" + Guid.NewGuid().ToString("N")[..6];
        await using var first = new LibraryApp(fixture.Registry, shared);
        using var atFirst = await first.StartAsync();
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("lotsen"), PracticeSamples.VernissageDigital() with { Topics = [marker] });
        await FindsAsync(atFirst, marker, 1);

        // The second comes after the first practice was indexed, with an empty index of its own.
        await using var second = new LibraryApp(fixture.Registry, shared);
        using var atSecond = await second.StartAsync();
        await FindsAsync(atSecond, marker, 1);

        // Later practices: whichever instance applies a message, each instance finds all of them.
        for (var i = 0; i < 6; i++)
            await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId($"lotsen{i}"), PracticeSamples.VernissageDigital() with { Topics = [marker] });
        await FindsAsync(atFirst, marker, 7);
        await FindsAsync(atSecond, marker, 7);

        foreach (var library in new[] { first, second })
        {
            using var office = await fixture.AsOfficeAsync(library);
            using var answer = await office.GetAsync("/api/library/office/index");
            var status = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((0, 7, true), (status.GetProperty("pending").GetInt32(), status.GetProperty("indexed").GetInt32(), status.GetProperty("caughtUp").GetBoolean()));
        }
    }

    static Task FindsAsync(HttpClient library, string marker, int count) => Eventually.HoldsAsync(async () =>
    {
        var found = (await library.GetFromJsonAsync<PracticeSearchResult>($"/api/library/practices?topic={marker}", Json.Options))!;
        Assert.Equal(count, found.Total);
    });
}
