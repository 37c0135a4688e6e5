using Kommune20.Contracts.Federation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Library.Portraits;

/// <summary>A member city's portrait as its node published it: organisation, milestones, motivation, stakeholders, networks, funding.</summary>
public static class PortraitsApi
{
    public static RouteGroupBuilder MapPortraitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/library/members").WithTags("Portraits");
        group.MapGet("/{memberId:guid}/portrait", GetAsync).AllowAnonymous();
        return group;
    }

    static async Task<Results<Ok<PortraitDto>, NotFound>> GetAsync(Guid memberId, CityPortraits portraits, CancellationToken ct) =>
        await portraits.ShownOfAsync(memberId, ct) is { Record: { } profile } portrait
            ? TypedResults.Ok(new PortraitDto(portrait.OriginMemberId, portrait.OriginId, portrait.Version, portrait.ChangedAt, profile))
            : TypedResults.NotFound();
}

/// <summary>The portrait with where it comes from: the member, the profile's id and version at its node, and when the city changed it.</summary>
public sealed record PortraitDto(Guid MemberId, string OriginId, long Version, DateTimeOffset ChangedAt, CityProfileRecord Profile);
