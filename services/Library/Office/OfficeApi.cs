using System.Security.Claims;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Audit;
using Kommune20.Library.Data;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Office;

/// <summary>
/// The office's tools for the library: the state of the search index, and — only where <c>Library:OfficeBulkLoad</c> is
/// true, as in the benchmark's hub — loading many practices at once (the records the federation events carry, for
/// benchmarks over 10,000 or 100,000 practices). A city's data reaches the hub only from the city, through Federation;
/// the bulk load takes any origin and any version, so a production hub does not map it.
/// </summary>
public static class OfficeApi
{
    public const int MaxBatch = 5000;
    /// <summary>A full batch of 5,000 practices is several MiB of JSON, far above the default limit.</summary>
    const long MaxBatchBytes = 64L * 1024 * 1024;
    public const string BulkLoadSetting = "Library:OfficeBulkLoad";

    public static RouteGroupBuilder MapOfficeApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/library/office").WithTags("Office").RequireAuthorization(Policies.Office);
        if (app.Configuration.GetValue<bool>(BulkLoadSetting))
            group.MapPost("/practices", LoadAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBatchBytes));
        group.MapGet("/index", IndexStatusAsync);
        group.MapAuditLogApi<LibraryDb>("/audit");
        return group;
    }

    static async Task<Results<Accepted<BulkLoadResult>, ValidationProblem>> LoadAsync(
        List<PracticePublished>? items, ClaimsPrincipal user, PracticeReplicas replicas, LibraryDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (items is null || items.Count == 0)
            errors["body"] = ["Die Liste der Praxen ist leer."];
        else if (items.Count > MaxBatch)
            errors["body"] = [$"Höchstens {MaxBatch} Praxen je Aufruf."];
        else
        {
            items = items.Select(PracticeRules.Canonical).ToList()!;
            for (var i = 0; i < items.Count; i++)
                PracticeRules.Validate(items[i]?.Origin, items[i]?.Practice, $"[{i}].", errors);
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var applied = await replicas.ApplyManyAsync([.. items!.Select(item => (item.Origin, item.Practice))], ct);
        db.AddAuditEntry(user, "practices.bulk-loaded", "practices", before: null, after: new BulkLoadResult(items!.Count, applied));
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted("/api/library/office/index", new BulkLoadResult(items!.Count, applied));
    }

    static async Task<Ok<IndexStatus>> IndexStatusAsync(LibraryDb db, PracticeIndex index, CancellationToken ct)
    {
        var listed = await db.Practices.CountAsync(p => !p.IsWithdrawn && p.Record != null, ct);
        var pending = await db.PracticesPendingFor(index.Id).CountAsync(ct);
        return TypedResults.Ok(new IndexStatus(listed, pending, index.Count));
    }
}

/// <summary>How many practices a bulk load received and how many of them were newer than what the library held.</summary>
public sealed record BulkLoadResult(int Received, int Applied);

/// <summary>What this instance's index holds of the practices the library lists.</summary>
public sealed record IndexStatus(int Listed, int Pending, int Indexed)
{
    /// <summary>
    /// Nothing pending and every listed practice indexed. Not "grown by the number posted": a bulk load does not apply
    /// repeated or older versions, so a count expected from before a load may never come.
    /// </summary>
    public bool CaughtUp => Pending == 0 && Indexed == Listed;
}
