using System.Reflection;

namespace Kommune20.CityNode.Records;

/// <summary>
/// Whose records a request is about: on a network node the member in the route (<c>/api/node/members/{memberId}/…</c>),
/// on a city node the node's own member. Bound as an endpoint parameter, so one handler serves both.
/// </summary>
public readonly record struct OriginMember(Guid MemberId)
{
    public const string RouteKey = "memberId";

    public static ValueTask<OriginMember> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(Of(context));

    public static OriginMember Of(HttpContext context) =>
        context.Request.RouteValues.TryGetValue(RouteKey, out var value) && Guid.TryParse(value?.ToString(), out var member)
            ? new OriginMember(member)
            : new OriginMember(context.RequestServices.GetRequiredService<NodeSettings>().MemberId);
}
