namespace Kommune20.CityNode.Records;

/// <summary>A record as the editor sees it: its id, status, the change-log version of its last publication, the record.</summary>
public sealed record NodeRecordDto<T>(string Id, RecordStatus Status, long Version, DateTimeOffset UpdatedAt, T Record)
{
    public static NodeRecordDto<T> From(CityRecord record) => new(record.Id, record.Status, record.Version, record.UpdatedAt, RecordBody.Read<T>(record));
}

/// <summary>A new record: its id at the node (becomes the origin id at the hub), the record, and whether it stays a draft.</summary>
public sealed record NewRecord<T>(string? Id, T? Record, bool? Draft) where T : class;

/// <summary>A changed record; the body names it "record" as in <see cref="NewRecord{T}"/>.</summary>
public sealed record ChangedRecord<T>(T? Record) where T : class;
