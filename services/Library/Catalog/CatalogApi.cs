using Kommune20.Contracts.Federation;
using Kommune20.Library.Data;
using Kommune20.Library.Members;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Catalog;

/// <summary>
/// The open-data catalogue of the library's public practices, for open-data portals to harvest: DCAT-AP.de as JSON-LD
/// and Turtle, and CSV. Withdrawn and network-only practices are not in it.
/// </summary>
public static class CatalogApi
{
    const string DefaultLicense = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/library").WithTags("Open data").AllowAnonymous();
        group.MapGet("/catalog.jsonld", async (HttpRequest request, LibraryDb db, MemberCards cards, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            Results.Text(JsonLdWriter.Write(DcatCatalog.Build(await EntriesAsync(db, cards, ct), Root(request), License(configuration), clock.GetUtcNow())),
                "application/ld+json; charset=utf-8"));
        group.MapGet("/catalog.ttl", async (HttpRequest request, LibraryDb db, MemberCards cards, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            Results.Text(TurtleWriter.Write(DcatCatalog.Build(await EntriesAsync(db, cards, ct), Root(request), License(configuration), clock.GetUtcNow())),
                "text/turtle; charset=utf-8"));
        group.MapGet("/catalog.csv", async (HttpRequest request, LibraryDb db, MemberCards cards, CancellationToken ct) =>
            Results.Text(CsvCatalog.Write(await EntriesAsync(db, cards, ct), Root(request)), "text/csv; charset=utf-8"));
        return group;
    }

    static async Task<List<CatalogEntry>> EntriesAsync(LibraryDb db, MemberCards cards, CancellationToken ct)
    {
        var practices = (await db.Practices.AsNoTracking().Where(p => !p.IsWithdrawn && p.Record != null).OrderBy(p => p.Id).ToListAsync(ct))
            .Where(p => p.Record!.Visibility == Visibility.Public)
            .ToList();
        var origins = await cards.KnownAsync(practices.Select(p => p.OriginMemberId), ct);
        var verified = await db.Adoptions.Where(a => a.ConfirmedAt != null).GroupBy(a => a.PracticeId)
            .Select(g => new { PracticeId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PracticeId, g => g.Count, ct);
        return practices.ConvertAll(p => new CatalogEntry(p.Id, p.Record!, origins.GetValueOrDefault(p.OriginMemberId), p.ChangedAt,
            verified.GetValueOrDefault(p.Id)));
    }

    /// <summary>The hub's public root as the caller reached it (the gateway's address, from the forwarded headers).</summary>
    static Uri Root(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    static string License(IConfiguration configuration) => configuration["Catalog:License"] ?? DefaultLicense;
}
