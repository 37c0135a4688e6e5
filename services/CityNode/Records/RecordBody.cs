using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;

namespace Kommune20.CityNode.Records;

/// <summary>How a record is kept in the node's database (a record's body, a change-log entry): its contract type as JSON.</summary>
public static class RecordBody
{
    public static string Write<T>(T record) => JsonSerializer.Serialize(record, Json.Options);

    public static T Read<T>(CityRecord record) =>
        JsonSerializer.Deserialize<T>(record.Body, Json.Options) ?? throw new InvalidDataException($"Record {record.Kind} {record.Id} has no body.");

    /// <summary>A body read as the record type of its kind.</summary>
    public static object Read(RecordDescriptor descriptor, string body) =>
        JsonSerializer.Deserialize(body, descriptor.RecordType, Json.Options) ?? throw new InvalidDataException($"A {descriptor.Name} body holds no record.");
}
