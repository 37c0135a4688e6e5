using System.Text.Json;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kommune20.Data;

/// <summary>
/// A property kept as one JSON text column: a value that is read and replaced whole (a city's record, a list of
/// outcomes, a frozen voter roll) and never queried by its parts. Its JSON form decides whether it changed.
/// </summary>
public static class JsonColumns
{
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Json.Options),
            // EF Core never hands null to a converter: a null property stays a null column.
            json => JsonSerializer.Deserialize<T>(json, Json.Options)!,
            new ValueComparer<T>(
                (left, right) => JsonSerializer.Serialize(left, Json.Options) == JsonSerializer.Serialize(right, Json.Options),
                value => JsonSerializer.Serialize(value, Json.Options).GetHashCode(),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json.Options), Json.Options)!));
}
