using System.Security.Claims;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Data;
using Kommune20.Library.Members;
using Kommune20.Library.Search;
using Lucene.Net.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Library.Practices;

/// <summary>Finding practices: German full-text search with facets, a practice's details, and practices like it.</summary>
public static class LibraryPracticesApi
{
    const int SimilarCount = 5;

    public static RouteGroupBuilder MapLibraryPracticesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/library/practices").WithTags("Practices");
        group.MapGet("/", Search).AllowAnonymous();
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous();
        group.MapGet("/{id:guid}/similar", Similar).AllowAnonymous();
        return group;
    }

    static Results<Ok<PracticeSearchResult>, ValidationProblem> Search(
        [AsParameters] PracticeQuery query, ClaimsPrincipal user, PracticeSearch search)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        try
        {
            return TypedResults.Ok(search.Search(query.ToRequest(), user.IsSignedIn()));
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // A prefix or near spelling that expands to more words than a query may hold.
            return TooExpensive("Die Suche ist zu weit gefasst (zu viele Wortformen); bitte genauer suchen.");
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            return TooExpensive("Die Suche hat zu lange gedauert; bitte genauer suchen.");
        }
    }

    static ValidationProblem TooExpensive(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [message] });

    static async Task<Results<Ok<PracticeDetails>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, LibraryDb db, MemberCards cards, AdoptionViews views, PracticeSearch search, CancellationToken ct)
    {
        var practice = await db.FindVisibleAsync(id, user, ct);
        if (practice is null)
            return TypedResults.NotFound();

        var known = await cards.KnownAsync(practice.RelayedBy is { } relayedBy ? [practice.OriginMemberId, relayedBy] : [practice.OriginMemberId], ct);
        var origin = known.GetValueOrDefault(practice.OriginMemberId);
        var relay = practice.RelayedBy is { } network ? known.GetValueOrDefault(network) : null;
        return TypedResults.Ok(new PracticeDetails(
            practice.Id,
            new PracticeOrigin(practice.OriginMemberId, origin?.Name, origin?.FederalState, origin?.NetworkNames ?? [],
                practice.OriginId, practice.Version, practice.ChangedAt, practice.RelayedBy, relay?.Name),
            practice.Record!,
            await views.OfPracticeAsync(practice, ct),
            await views.InterestsInAsync(practice, ct),
            search.Similar(practice.Id, user.IsSignedIn(), SimilarCount) ?? []));
    }

    static Results<Ok<IReadOnlyList<PracticeCard>>, NotFound> Similar(Guid id, ClaimsPrincipal user, PracticeSearch search) =>
        search.Similar(id, user.IsSignedIn(), SimilarCount) is { } similar ? TypedResults.Ok(similar) : TypedResults.NotFound();
}
