using System.Security.Claims;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Api;

/// <summary>
/// The federation state per city: last acknowledged version, lag, the rejected changes with their reasons, and how many
/// changes were refused per caller and reason. The office sees every city (refusals counted under no particular origin
/// too); a city (its node or its editors) sees its own.
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
        var refusals = db.Refusals.AsNoTracking();
        if (!isOffice)
        {
            cursors = cursors.Where(c => c.OriginMemberId == member);
            quarantine = quarantine.Where(q => q.OriginMemberId == member);
            refusals = refusals.Where(r => r.OriginMemberId == member);
        }
        var feeds = (await cursors.ToListAsync(ct)).ToLookup(c => c.OriginMemberId);
        var rejected = (await quarantine.ToListAsync(ct)).ToLookup(q => q.OriginMemberId);
        var refused = (await refusals.ToListAsync(ct)).ToLookup(r => r.OriginMemberId);

        // A city nobody delivered for yet may still have refusals: someone without consent tried.
        var states = feeds.Select(city => city.Key).Union(refused.Select(city => city.Key)).Select(origin => new CityFederationState(
                origin,
                feeds[origin].Select(c => c.AcknowledgedVersion).DefaultIfEmpty(0).Max(),
                feeds[origin].Select(c => c.Lag).DefaultIfEmpty(0).Min(),
                feeds[origin].OrderBy(c => c.SourceMemberId).Select(c => new FeedState(c.SourceMemberId, c.AcknowledgedVersion, c.HeadVersion, c.Lag, c.UpdatedAt)).ToList(),
                rejected[origin].OrderBy(q => q.Version).Select(q => new RejectedChangeDto(
                    q.Kind is { } kind ? RecordDescriptors.Of(kind).Name : null,
                    q.OriginId, q.Version, q.Code, q.Field, q.Reason, q.SourceMemberId, q.ReceivedAt)).ToList(),
                refused[origin].OrderBy(r => r.SourceMemberId).ThenBy(r => r.Reason)
                    .Select(r => new RefusalCountDto(r.SourceMemberId, r.Reason, r.Count, r.FirstAt, r.LastAt)).ToList()))
            .OrderBy(state => state.OriginMemberId)
            .ToList();
        return TypedResults.Ok(states);
    }
}
