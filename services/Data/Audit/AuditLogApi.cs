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

    public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, int Page, int PageSize, int Total);

    /// <summary>Maps <c>GET {path}</c> (e.g. <c>/api/registry/office/audit</c>) for the office only.</summary>
    public static RouteHandlerBuilder MapAuditLogApi<TDb>(this IEndpointRouteBuilder app, string path) where TDb : DbContext =>
        app.MapGet(path, ListAsync<TDb>).WithTags("Audit").RequireAuthorization(Policies.Office);

    static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync<TDb>(TDb db, int? page, int? pageSize, CancellationToken ct)
        where TDb : DbContext
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > 100_000)
            errors["page"] = ["Die Seite liegt zwischen 1 und 100.000."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"Die Seitengröße liegt zwischen 1 und {MaxPageSize}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var number = page ?? 1;
        var size = pageSize ?? 50;
        var entries = db.Set<AuditEntry>().AsNoTracking();
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Sequence).Skip((number - 1) * size).Take(size)
            .Select(e => new AuditEntryDto(e.Sequence, e.At, e.Actor, e.ActorName, e.Action, e.Subject, e.Before, e.After))
            .ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(items, number, size, total));
    }
}
