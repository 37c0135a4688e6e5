using System.Runtime.CompilerServices;
using Kommune20.Contracts.Federation;
using Kommune20.Library.Data;
using Kommune20.Library.Members;
using Kommune20.ServiceDefaults.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Catalog;

/// <summary>
/// The open-data catalogue of the library's public practices, for open-data portals to harvest: DCAT-AP.de as JSON-LD
/// and Turtle, and CSV. Withdrawn and network-only practices are not in it.
/// </summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/library").WithTags("Open data").AllowAnonymous();
        group.MapGet("/catalog.jsonld", (HttpRequest request, LibraryDb db, MemberCards cards, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Stream(body => JsonLdWriter.WriteAsync(body, Dcat.Prefixes, DatasetWindows(request, db, cards, configuration, clock, ct), ct), "application/ld+json; charset=utf-8"));
        group.MapGet("/catalog.ttl", (HttpRequest request, LibraryDb db, MemberCards cards, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Stream(body => TurtleWriter.WriteAsync(body, Dcat.Prefixes, DatasetWindows(request, db, cards, configuration, clock, ct), ct), "text/turtle; charset=utf-8"));
        group.MapGet("/catalog.csv", (HttpRequest request, LibraryDb db, MemberCards cards, CancellationToken ct) =>
            TypedResults.Stream(body => CsvCatalog.WriteAsync(body, Entries(db, cards, ct), Dcat.Root(request), ct), "text/csv; charset=utf-8"));
        return group;
    }

    static IAsyncEnumerable<RdfGraph> DatasetWindows(HttpRequest request, LibraryDb db, MemberCards cards, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
        DcatCatalog.Windows(Entries(db, cards, ct), Dcat.Root(request), Dcat.License(configuration), clock.GetUtcNow(), ct);

    /// <summary>The public practices one by one from the database, so no form of the catalogue holds them all in memory.</summary>
    static async IAsyncEnumerable<CatalogEntry> Entries(LibraryDb db, MemberCards cards, [EnumeratorCancellation] CancellationToken ct)
    {
        var listed = db.Practices.AsNoTracking().Where(p => !p.IsWithdrawn && p.Record != null);
        var origins = await cards.KnownAsync(await listed.Select(p => p.OriginMemberId).Distinct().ToListAsync(ct), ct);
        var verified = await db.Adoptions.Where(a => a.ConfirmedAt != null).GroupBy(a => a.PracticeId)
            .Select(g => new { PracticeId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PracticeId, g => g.Count, ct);
        await foreach (var practice in listed.OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Visibility lives in the record's JSON, so it is checked here rather than in SQL.
            if (practice.Record!.Visibility == Visibility.Public)
                yield return new CatalogEntry(practice.Id, practice.Record, origins.GetValueOrDefault(practice.OriginMemberId), practice.ChangedAt,
                    verified.GetValueOrDefault(practice.Id));
        }
    }
}
