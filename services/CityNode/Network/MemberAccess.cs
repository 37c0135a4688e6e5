using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Network;

/// <summary>
/// Who may work on a member's records on a network node (routes <c>/api/node/members/{memberId}/…</c>): the network's
/// editors and the member's own editors, and only for a member of the network that consented to the relay; anyone else,
/// and anyone for a member without consent, gets 403. A member's own editors may still fetch its handover without consent
/// (the records are theirs). Once a member is handed over, its records here are read-only (409).
/// </summary>
public static class MemberAccess
{
    public static TBuilder RequireMemberAccess<TBuilder>(this TBuilder builder, bool handover = false) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => await RefusalAsync(context.HttpContext, handover) ?? await next(context));

    static async Task<IResult?> RefusalAsync(HttpContext http, bool handover)
    {
        var settings = http.RequestServices.GetRequiredService<NodeSettings>();
        var memberId = OriginMember.Of(http).MemberId;
        var writes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        var members = await http.RequestServices.GetRequiredService<NetworkMembers>().GetAsync(fresh: writes, http.RequestAborted);
        if (members is null)
            return NodeProblems.Unavailable(OriginMember.RouteKey, "Das Mitgliederverzeichnis des Vereins ist nicht erreichbar; ob Sie hier bearbeiten dürfen, lässt sich erst danach sagen.");

        var member = members.FirstOrDefault(m => m.MemberId == memberId);
        if (member is null)
            return NodeProblems.Forbidden(OriginMember.RouteKey, $"Dieses Mitglied gehört nicht zum Netzwerk {settings.Name}.");
        var editorOf = http.User.GetMemberId();
        var own = editorOf == memberId;
        if (!own && editorOf != settings.MemberId)
            return NodeProblems.Forbidden(OriginMember.RouteKey, $"Die Einträge von {member.Name} bearbeiten nur die Redaktion von {settings.Name} und die von {member.Name} selbst.");
        if (!member.RelayAllowed && !(own && handover))
            return NodeProblems.Forbidden(OriginMember.RouteKey, $"{member.Name} hat nicht zugestimmt, dass {settings.Name} für es veröffentlicht.");
        if (writes && !handover && await http.RequestServices.GetRequiredService<NodeDb>().HandedOver.AnyAsync(h => h.MemberId == memberId, http.RequestAborted))
            return NodeProblems.Conflict(OriginMember.RouteKey, $"{member.Name} hat seine Einträge in einen eigenen Knoten übernommen; hier sind sie nur noch zu lesen.");
        return null;
    }
}
