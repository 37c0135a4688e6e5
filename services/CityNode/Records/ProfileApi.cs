using Kommune20.CityNode.Data;
using Kommune20.Contracts.Federation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Records;

/// <summary>The city's profile (the shape of the Smart City Atlas portrait): one record, published on every save.</summary>
public static class ProfileApi
{
    /// <summary>The profile's id at the node, and so its origin id at the hub.</summary>
    public const string ProfileId = "stadtprofil";

    public static RouteGroupBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/profile").WithTags("Profile").RequireAuthorization(EditorPolicy.Name);
        group.MapGet("/", GetAsync);
        group.MapPut("/", SaveAsync);
        group.MapDelete("/", WithdrawAsync);
        return group;
    }

    static async Task<Results<Ok<NodeRecordDto<CityProfileRecord>>, NotFound>> GetAsync(OriginMember origin, NodeDb db, CancellationToken ct) =>
        await FindAsync(origin, db, ct) is { } record ? TypedResults.Ok(NodeRecordDto<CityProfileRecord>.From(record)) : TypedResults.NotFound();

    static async Task<Results<Ok<NodeRecordDto<CityProfileRecord>>, ValidationProblem>> SaveAsync(OriginMember origin, CityProfileRecord input, ChangeLog log, CancellationToken ct)
    {
        var profile = RecordDescriptors.CityProfile.Normalize(input);
        var errors = RecordDescriptors.CityProfile.Validate(profile);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var record = await log.WriteAsync(origin.MemberId, RecordKind.CityProfile, ProfileId, RecordStatus.Published, RecordBody.Write(profile), ct);
        return TypedResults.Ok(NodeRecordDto<CityProfileRecord>.From(record));
    }

    static async Task<Results<NoContent, NotFound>> WithdrawAsync(OriginMember origin, NodeDb db, ChangeLog log, CancellationToken ct)
    {
        var record = await FindAsync(origin, db, ct);
        if (record is null)
            return TypedResults.NotFound();
        if (record.Status == RecordStatus.Published)
            await log.WriteAsync(origin.MemberId, RecordKind.CityProfile, ProfileId, RecordStatus.Withdrawn, body: null, ct);
        return TypedResults.NoContent();
    }

    static Task<CityRecord?> FindAsync(OriginMember origin, NodeDb db, CancellationToken ct) =>
        db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.OriginMemberId == origin.MemberId && r.Kind == RecordKind.CityProfile && r.Id == ProfileId, ct);
}
