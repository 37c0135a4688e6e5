using Kommune20.Data.Lists;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Audit;

/// <summary>The office reads its log, newest first, a page at a time. There is no way to change or remove an entry.</summary>
public static class AuditLogApi
{
    public const int MaxPageSize = 200;

    public sealed record AuditEntryDto(long Sequence, DateTimeOffset At, string Actor, string? ActorName, string Action, string Subject, string? Before, string? After);

    /// <summary>Maps <c>GET {path}</c> (e.g. <c>/api/registry/office/audit</c>) for the office only.</summary>
    public static RouteHandlerBuilder MapAuditLogApi<TDb>(this IEndpointRouteBuilder app, string path) where TDb : DbContext =>
        app.MapGet(path, ListAsync<TDb>).WithTags("Audit").RequireAuthorization(Policies.Office);

    static async Task<Results<Ok<PagedList<AuditEntryDto>>, ValidationProblem>> ListAsync<TDb>(TDb db, int? page, int? pageSize, CancellationToken ct)
        where TDb : DbContext
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        return TypedResults.Ok(await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).ToPagedListAsync(
            page ?? 1, pageSize ?? 50, e => new AuditEntryDto(e.Sequence, e.At, e.Actor, e.ActorName, e.Action, e.Subject, e.Before, e.After), ct));
    }
}
