using System.Net;
using System.Text.Json;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// Walks an OParl API as a client does, from the System through every external list (page by page, two objects a
/// page) and every reference. Every object validates against its type's schema, every reference answers an object of
/// the type the schema names, an embedded object or a list entry is the same as the object at its id, and every id is
/// the URL it answers at, under the public base address.
/// </summary>
public sealed class OParlWalk(HttpClient http, OParlSchemas schemas, string publicBase)
{
    const int PageSize = 2;
    readonly Dictionary<string, JsonElement> _objects = [];
    readonly Dictionary<string, string> _types = [];
    readonly HashSet<(string Url, string Type, bool List)> _visited = [];
    readonly Queue<(string Url, string Type, bool List)> _todo = [];

    public int ListPages { get; private set; }

    public IEnumerable<JsonElement> OfType(string type) => _objects.Where(o => _types[o.Key] == type).Select(o => o.Value);

    public IEnumerable<string> Types => _types.Values.Distinct();

    public IEnumerable<JsonElement> Objects => _objects.Values;

    public async Task RunAsync(string systemUrl)
    {
        Follow(systemUrl, "System", list: false);
        while (_todo.TryDequeue(out var next))
        {
            if (next.List)
                await WalkListAsync(next.Url, next.Type);
            else
                Seen(await GetAsync(next.Url), next.Type, next.Url);
        }
    }

    public async Task<JsonElement> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    async Task WalkListAsync(string url, string type)
    {
        Assert.DoesNotContain('?', url);
        string? next = $"{url}?limit={PageSize}";
        var (listed, total, pages) = (0, -1, 0);
        while (next is not null)
        {
            var page = await GetAsync(next);
            Assert.True(++pages <= 100, $"{url}: more than 100 pages");
            var pagination = page.GetProperty("pagination");
            var links = page.GetProperty("links");
            total = pagination.GetProperty("totalElements").GetInt32();
            Assert.Equal(PageSize, pagination.GetProperty("elementsPerPage").GetInt32());
            Assert.Equal(pages, pagination.GetProperty("currentPage").GetInt32());
            Assert.Equal(next, links.GetProperty("self").GetString());
            foreach (var item in page.GetProperty("data").EnumerateArray())
            {
                listed++;
                Seen(item, type, at: null);
            }
            next = links.TryGetProperty("next", out var link) ? link.GetString() : null;
            Assert.True(next is null || next.Contains($"limit={PageSize}"), $"{url}: the next page's link drops the limit");
            Assert.True(next is not null || pages == pagination.GetProperty("totalPages").GetInt32(), $"{url}: no next link before the last page");
        }
        Assert.Equal(total, listed);
        ListPages += pages;
    }

    /// <summary>An object met at its URL, in a list or embedded: checked, compared with any earlier sighting, its references followed.</summary>
    void Seen(JsonElement instance, string type, string? at)
    {
        schemas.AssertValid(type, instance);
        var id = instance.GetProperty("id").GetString()!;
        Assert.Equal($"https://schema.oparl.org/1.1/{type}", instance.GetProperty("type").GetString());
        Assert.True(id.StartsWith(publicBase, StringComparison.Ordinal), $"{id} is not under the public address {publicBase}");
        if (at is not null)
            Assert.Equal(at, id);
        if (_objects.TryGetValue(id, out var earlier))
        {
            Assert.True(JsonElement.DeepEquals(earlier, instance), $"{id} differs between where it was listed or embedded and its URL:\n{earlier}\n{instance}");
            Assert.Equal(_types[id], type);
            return;
        }
        _objects[id] = instance;
        _types[id] = type;
        Follow(id, type, list: false);
        foreach (var property in instance.EnumerateObject())
            if (schemas.Property(type, property.Name) is { } definition)
                FollowProperty(property.Value, definition);
    }

    void FollowProperty(JsonElement value, JsonElement definition)
    {
        if (definition.TryGetProperty("references", out var references))
        {
            if (references.GetString() == "externalList")
                Follow(value.GetString()!, OParlSchemas.TypeOfFile(definition.GetProperty("items").GetProperty("schema")), list: true);
            else
                foreach (var url in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!) : [value.GetString()!])
                    Follow(url, references.GetString()!, list: false);
        }
        else if (definition.TryGetProperty("schema", out var embedded))
            Seen(value, OParlSchemas.TypeOfFile(embedded), at: null);
        else if (definition.TryGetProperty("items", out var items) && value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray())
                FollowProperty(item, items);
    }

    void Follow(string url, string type, bool list)
    {
        if (_visited.Add((url, type, list)))
            _todo.Enqueue((url, type, list));
    }
}
