using Kommune20.CityNode.Data;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Lists;
using Kommune20.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Records;

/// <summary>
/// The editor's API for one kind of list record: list, read, create (published, or kept as a draft), change,
/// publish a draft (or republish a withdrawn record) and withdraw (a draft is discarded instead). Mapped under
/// <c>/api/node</c> on a city node and under <c>/api/node/members/{memberId}</c> on a network node (<see cref="NodeRoutes"/>);
/// every handler works on the records of the request's <see cref="OriginMember"/>.
/// </summary>
public static class CityRecordsApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapCityRecords<T>(this IEndpointRouteBuilder app, RecordType<T> type) where T : class
    {
        var group = app.MapGroup("/" + type.Path).WithTags(type.Tag).RequireAuthorization(EditorPolicy.Name);
        var endpoints = new Endpoints<T>(type);
        group.MapGet("/", endpoints.ListAsync);
        group.MapGet("/{id}", endpoints.GetAsync);
        group.MapPost("/", endpoints.CreateAsync);
        group.MapPut("/{id}", endpoints.ChangeAsync);
        group.MapPost("/{id}/publication", endpoints.PublishAsync);
        group.MapDelete("/{id}", endpoints.WithdrawAsync);
        return group;
    }

    sealed class Endpoints<T>(RecordType<T> type) where T : class
    {
        public Task<Results<Ok<PagedList<NodeRecordDto<T>>>, ValidationProblem>> ListAsync(OriginMember origin, int? page, int? pageSize, NodeDb db, CancellationToken ct) =>
            CityRecordsApi.ListAsync(type, origin, page, pageSize, db, ct);

        public Task<Results<Ok<NodeRecordDto<T>>, NotFound>> GetAsync(OriginMember origin, string id, NodeDb db, CancellationToken ct) =>
            CityRecordsApi.GetAsync(type, origin, id, db, ct);

        public Task<Results<Created<NodeRecordDto<T>>, ValidationProblem, ProblemHttpResult>> CreateAsync(OriginMember origin, NewRecord<T> input, HttpRequest request, NodeDb db, ChangeLog log, CancellationToken ct) =>
            CityRecordsApi.CreateAsync(type, origin, input, request, db, log, ct);

        public Task<Results<Ok<NodeRecordDto<T>>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync(OriginMember origin, string id, ChangedRecord<T> input, NodeDb db, ChangeLog log, CancellationToken ct) =>
            CityRecordsApi.ChangeAsync(type, origin, id, input, db, log, ct);

        public Task<Results<Ok<NodeRecordDto<T>>, ValidationProblem, NotFound>> PublishAsync(OriginMember origin, string id, NodeDb db, ChangeLog log, CancellationToken ct) =>
            CityRecordsApi.PublishAsync(type, origin, id, db, log, ct);

        public Task<Results<NoContent, NotFound>> WithdrawAsync(OriginMember origin, string id, NodeDb db, ChangeLog log, CancellationToken ct) =>
            CityRecordsApi.WithdrawAsync(type, origin, id, db, log, ct);
    }

    static async Task<Results<Ok<PagedList<NodeRecordDto<T>>>, ValidationProblem>> ListAsync<T>(
        RecordType<T> type, OriginMember origin, int? page, int? pageSize, NodeDb db, CancellationToken ct) where T : class
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await db.Records.AsNoTracking().Where(r => r.OriginMemberId == origin.MemberId && r.Kind == type.Kind).OrderBy(r => r.Id)
            .ToPagedListAsync(page ?? 1, pageSize ?? DefaultPageSize, NodeRecordDto<T>.From, ct));
    }

    static async Task<Results<Ok<NodeRecordDto<T>>, NotFound>> GetAsync<T>(RecordType<T> type, OriginMember origin, string id, NodeDb db, CancellationToken ct) where T : class =>
        await FindAsync(db.Records.AsNoTracking(), type, origin, id, ct) is { } record
            ? TypedResults.Ok(NodeRecordDto<T>.From(record))
            : TypedResults.NotFound();

    static async Task<Results<Created<NodeRecordDto<T>>, ValidationProblem, ProblemHttpResult>> CreateAsync<T>(
        RecordType<T> type, OriginMember origin, NewRecord<T> input, HttpRequest request, NodeDb db, ChangeLog log, CancellationToken ct) where T : class
    {
        var errors = new Dictionary<string, string[]>();
        if (RecordRules.OriginIdProblem(input.Id) is { } idProblem)
            errors["id"] = [idProblem];
        if (input.Record is null)
            errors["record"] = ["Der Datensatz fehlt."];
        else
        {
            foreach (var (field, messages) in Prefixed(type.Descriptor.Validate(type.Descriptor.Normalize(input.Record))))
                errors[field] = messages;
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (await db.Records.AnyAsync(r => r.OriginMemberId == origin.MemberId && r.Kind == type.Kind && r.Id == input.Id, ct))
            return NodeProblems.Conflict("id", $"Die Kennung {input.Id} ist schon vergeben.");

        var status = input.Draft == true ? RecordStatus.Draft : RecordStatus.Published;
        var record = await log.WriteAsync(origin.MemberId, type.Kind, input.Id!, status, RecordBody.Write(type.Descriptor.Normalize(input.Record!)), ct);
        return TypedResults.Created($"{request.Path.Value!.TrimEnd('/')}/{record.Id}", NodeRecordDto<T>.From(record));
    }

    static async Task<Results<Ok<NodeRecordDto<T>>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync<T>(
        RecordType<T> type, OriginMember origin, string id, ChangedRecord<T> input, NodeDb db, ChangeLog log, CancellationToken ct) where T : class
    {
        var record = await FindAsync(db.Records.AsNoTracking(), type, origin, id, ct);
        if (record is null)
            return TypedResults.NotFound();
        if (input.Record is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["record"] = ["Der Datensatz fehlt."] });
        var normalized = type.Descriptor.Normalize(input.Record);
        var errors = Prefixed(type.Descriptor.Validate(normalized));
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (record.Status == RecordStatus.Withdrawn)
            return NodeProblems.Conflict("status", "Der Datensatz ist zurückgezogen; veröffentlichen Sie ihn erneut, bevor Sie ihn ändern.");
        return TypedResults.Ok(NodeRecordDto<T>.From(await log.WriteAsync(origin.MemberId, type.Kind, id, record.Status, RecordBody.Write(normalized), ct)));
    }

    static async Task<Results<Ok<NodeRecordDto<T>>, ValidationProblem, NotFound>> PublishAsync<T>(
        RecordType<T> type, OriginMember origin, string id, NodeDb db, ChangeLog log, CancellationToken ct) where T : class
    {
        var record = await FindAsync(db.Records.AsNoTracking(), type, origin, id, ct);
        if (record is null)
            return TypedResults.NotFound();
        var errors = type.Descriptor.Validate(type.Descriptor.Normalize(RecordBody.Read<T>(record)));
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(NodeRecordDto<T>.From(await log.WriteAsync(origin.MemberId, type.Kind, id, RecordStatus.Published, body: null, ct)));
    }

    static async Task<Results<NoContent, NotFound>> WithdrawAsync<T>(RecordType<T> type, OriginMember origin, string id, NodeDb db, ChangeLog log, CancellationToken ct) where T : class
    {
        var record = await FindAsync(db.Records, type, origin, id, ct);
        switch (record?.Status)
        {
            case null:
                return TypedResults.NotFound();
            case RecordStatus.Draft:
                await log.DiscardDraftAsync(record, ct);
                break;
            case RecordStatus.Published:
                db.Entry(record).State = EntityState.Detached;
                await log.WriteAsync(origin.MemberId, type.Kind, id, RecordStatus.Withdrawn, body: null, ct);
                break;
        }
        return TypedResults.NoContent();
    }

    static Task<CityRecord?> FindAsync<T>(IQueryable<CityRecord> records, RecordType<T> type, OriginMember origin, string id, CancellationToken ct) where T : class =>
        records.FirstOrDefaultAsync(r => r.OriginMemberId == origin.MemberId && r.Kind == type.Kind && r.Id == id, ct);

    /// <summary>The record sits under "record" in the request body, so its fields are named from there.</summary>
    static Dictionary<string, string[]> Prefixed(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(error => "record." + error.Key, error => error.Value);
}
