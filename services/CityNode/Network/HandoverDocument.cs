using System.Text.Json;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Network;

/// <summary>
/// One member's records and change log as a network node hands them over to the member's own node: the records with
/// their ids, status and versions, and every change with its version, so the new node continues the same origin's log
/// where the network left it (the hub sees the same records, not new ones).
/// </summary>
public sealed record HandoverDocument(Guid MemberId, string? MemberName, Guid NetworkId, DateTimeOffset ExportedAt,
    IReadOnlyList<HandoverDocument.Record> Records, IReadOnlyList<HandoverDocument.Change> Changes)
{
    /// <summary>A record as the network node keeps it; <see cref="Body"/> is the record's contract type as JSON.</summary>
    public sealed record Record(RecordKind Kind, string Id, RecordStatus Status, long Version, DateTimeOffset UpdatedAt, JsonElement Body);

    /// <summary>A change-log entry; no body for a withdrawal.</summary>
    public sealed record Change(long Version, RecordKind Kind, string RecordId, DateTimeOffset ChangedAt, JsonElement? Body);

    public static HandoverDocument From(Guid memberId, string? memberName, Guid networkId, DateTimeOffset now, IEnumerable<CityRecord> records,
        IEnumerable<ChangeLogEntry> changes) => new(memberId, memberName, networkId, now,
        records.Select(r => new Record(r.Kind, r.Id, r.Status, r.Version, r.UpdatedAt, Parse(r.Body))).ToList(),
        changes.Select(c => new Change(c.Version, c.Kind, c.RecordId, c.ChangedAt, c.Body is null ? null : Parse(c.Body))).ToList());

    static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
