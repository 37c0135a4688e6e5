using System.Text.Json;
using Kommune20.Testing;
using NJsonSchema;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// The official OParl 1.1 schemas (tests/Meetings.Tests/OParlSchemas, see its README) as JSON Schema, and their OParl
/// keywords: which property references which type, which one is an external list, which embeds an object.
/// </summary>
public sealed class OParlSchemas(Dictionary<string, (JsonSchema Schema, JsonElement Definition)> schemas)
{
    static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Meetings.Tests", "OParlSchemas");

    public static async Task<OParlSchemas> LoadAsync()
    {
        var schemas = new Dictionary<string, (JsonSchema, JsonElement)>();
        foreach (var file in Directory.GetFiles(Folder, "*.json"))
        {
            var text = await File.ReadAllTextAsync(file);
            schemas[Path.GetFileNameWithoutExtension(file)] = (await JsonSchema.FromJsonAsync(text, file), JsonDocument.Parse(text).RootElement.Clone());
        }
        return new OParlSchemas(schemas);
    }

    /// <summary>Fails with every error when <paramref name="instance"/> does not validate against the type's schema.</summary>
    public void AssertValid(string type, JsonElement instance)
    {
        Assert.True(schemas.ContainsKey(type), $"no schema for {type} in {Folder}");
        var errors = schemas[type].Schema.Validate(instance.GetRawText());
        Assert.True(errors.Count == 0, $"{type} does not validate: {string.Join("; ", errors)}\n{instance}");
    }

    /// <summary>The definition of a property of a type, if its schema names it.</summary>
    public JsonElement? Property(string type, string name) =>
        schemas[type].Definition.GetProperty("properties").TryGetProperty(name, out var definition) ? definition : null;

    /// <summary>"Meeting.json" → "Meeting".</summary>
    public static string TypeOfFile(JsonElement schemaName) => Path.GetFileNameWithoutExtension(schemaName.GetString()!);
}
