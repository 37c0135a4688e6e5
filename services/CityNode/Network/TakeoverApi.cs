using System.Text.Json;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Network;

/// <summary>
/// A city node takes over its member's records from the network node that published for it until now: the handover
/// document's records and change log are imported as they are (same ids, same versions), so the node's next change
/// continues the versions and the hub keeps one record each. Only into an empty node, and only the node's own member's.
/// </summary>
public static class TakeoverApi
{
    public sealed record TakeoverResult(int Records, long HeadVersion);

    public static IEndpointRouteBuilder MapTakeoverApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/node/takeover", TakeOverAsync).WithTags("Network").RequireAuthorization(EditorPolicy.Name);
        return app;
    }

    static async Task<Results<Ok<TakeoverResult>, ValidationProblem, ProblemHttpResult>> TakeOverAsync(HandoverDocument? document, NodeSettings settings,
        NodeDb db, ChangeLog.Gate gate, PushLoops loops, CancellationToken ct)
    {
        if (document is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["document"] = ["Die Übergabe fehlt."] });
        if (document.MemberId != settings.MemberId)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["memberId"] = [$"Die Übergabe gilt für ein anderes Mitglied ({document.MemberName ?? document.MemberId.ToString()}), nicht für {settings.Name}."],
            });
        if (Problems(document) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);

        using (await gate.EnterAsync(ct))
        {
            if (await db.Records.AnyAsync(ct) || await db.ChangeLog.AnyAsync(ct))
                return NodeProblems.Conflict("records", "Dieser Knoten hat schon Einträge; eine Übergabe lässt sich nur in einen leeren Knoten übernehmen.");
            var origin = settings.MemberId;
            db.Records.AddRange(document.Records.Select(r => new CityRecord
            {
                OriginMemberId = origin, Kind = r.Kind, Id = r.Id, Status = r.Status, Version = r.Version, UpdatedAt = r.UpdatedAt,
                Body = Canonical(r.Kind, r.Body.GetRawText()),
            }));
            db.ChangeLog.AddRange(document.Changes.Select(c => new ChangeLogEntry
            {
                OriginMemberId = origin, Version = c.Version, Kind = c.Kind, RecordId = c.RecordId, ChangedAt = c.ChangedAt,
                Body = c.Body is { } body ? Canonical(c.Kind, body.GetRawText()) : null,
            }));
            await db.SaveChangesAsync(ct);
        }
        loops.Wake(settings.MemberId);
        return TypedResults.Ok(new TakeoverResult(document.Records.Count, document.Changes.Count == 0 ? 0 : document.Changes[^1].Version));
    }

    /// <summary>
    /// The log must be whole (versions 1, 2, … without gaps), every record once with its version in the log, and every
    /// body a record of its kind.
    /// </summary>
    static Dictionary<string, string[]> Problems(HandoverDocument document)
    {
        if (document.Changes.Where((change, index) => change.Version != index + 1).Any())
            return new() { ["changes"] = ["Die Änderungen müssen lückenlos mit Version 1 beginnen."] };
        if (document.Records.DistinctBy(r => (r.Kind, r.Id)).Count() != document.Records.Count)
            return new() { ["records"] = ["Ein Eintrag steht mehrmals in der Übergabe."] };
        if (document.Records.Any(r => RecordRules.OriginIdProblem(r.Id) is not null))
            return new() { ["records[].id"] = ["Eine Kennung ist ungültig."] };
        var logged = document.Changes.ToDictionary(c => c.Version, c => (c.Kind, c.RecordId));
        if (document.Records.Any(r => r.Status != RecordStatus.Draft && logged.GetValueOrDefault(r.Version) != (r.Kind, r.Id)))
            return new() { ["records"] = ["Jeder veröffentlichte oder zurückgezogene Eintrag braucht seine Version im Änderungsprotokoll."] };
        try
        {
            foreach (var record in document.Records)
                Canonical(record.Kind, record.Body.GetRawText());
            foreach (var change in document.Changes.Where(c => c.Body is not null))
                Canonical(change.Kind, change.Body!.Value.GetRawText());
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            return new() { ["records[].body"] = ["Ein Eintrag ist kein Datensatz seiner Art: " + exception.Message] };
        }
        return [];
    }

    /// <summary>The body as the node writes bodies itself (its contract type as JSON); a body that is no such record is refused by the deserializer.</summary>
    static string Canonical(RecordKind kind, string body) => RecordBody.Write(RecordBody.Read(RecordDescriptors.Of(kind), body));
}
