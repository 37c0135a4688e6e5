using System.Text.Json;
using System.Text.Json.Serialization;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Report;

/// <summary>Reads and writes a run's results as JSON (camelCase, enums as strings, indented for diffs).</summary>
public static class ResultsFile
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(RunResults results) => JsonSerializer.Serialize(results, Options);

    public static RunResults Deserialize(string json) =>
        JsonSerializer.Deserialize<RunResults>(json, Options) ?? throw new InvalidDataException("The results file is empty.");

    /// <summary>The file name of a run: its start in UTC, sortable, with the mode for quick runs (2025-06-01-1420.json).</summary>
    public static string NameOf(RunResults results) =>
        results.StartedAt.UtcDateTime.ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture)
        + (results.Mode == "full" ? "" : "-" + results.Mode) + ".json";
}
