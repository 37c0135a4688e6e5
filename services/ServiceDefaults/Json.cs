using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kommune20.ServiceDefaults;

/// <summary>One JSON shape for every API: camelCase names and enums as kebab-case strings ("digital-hub").</summary>
public static class Json
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
