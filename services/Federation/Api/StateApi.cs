using System.Security.Claims;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Api;

/// <summary>
/// The federation state per city: last acknowledged version, lag, and the rejected changes with their reasons.
/// The office sees every city; a city (its node or its editors) sees its own.
/// </summary>
public static class StateApi
{
    public static RouteHandlerBuilder MapStateApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/federation/state", GetAsync).WithTags("State").RequireAuthorization(Policies.Authenticated);

    static async Task<Results<Ok<List<CityFederationState>>, ForbidHttpResult>> GetAsync(ClaimsPrincipal user, FederationDb db, CancellationToken ct)
    {
        var isOffice = user.IsInRole(Roles.Office);
        var member = user.GetMemberId();
        if (!isOffice && member is null)
            return TypedResults.Forbid();

        var cursors = db.Cursors.AsNoTracking();
        var quarantine = db.Quarantine.AsNoTracking().Where(q => q.ResolvedAt == null);
        if (!isOffice)
        {
            cursors = cursors.Where(c => c.OriginMemberId == member);
            quarantine = quarantine.Where(q => q.OriginMemberId == member);
        }
        var feeds = await cursors.ToListAsync(ct);
        var rejected = (await quarantine.ToListAsync(ct)).ToLookup(q => q.OriginMemberId);

        var states = feeds.GroupBy(c => c.OriginMemberId).Select(city => new CityFederationState(
                city.Key,
                city.Max(c => c.AcknowledgedVersion),
                city.Min(c => c.Lag),
                city.OrderBy(c => c.SourceMemberId).Select(c => new FeedState(c.SourceMemberId, c.AcknowledgedVersion, c.HeadVersion, c.Lag, c.UpdatedAt)).ToList(),
                rejected[city.Key].OrderBy(q => q.Version).Select(q => new RejectedChangeDto(
                    q.Kind is { } kind ? RecordDescriptors.Of(kind).Name : null,
                    q.OriginId, q.Version, q.Code, q.Field, q.Reason, q.SourceMemberId, q.ReceivedAt)).ToList()))
            .OrderBy(state => state.OriginMemberId)
            .ToList();
        return TypedResults.Ok(states);
    }
}
