using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Network;

namespace Kommune20.CityNode.Records;

/// <summary>
/// Where the editor's API lives: on a city node under <c>/api/node</c> for the node's own member; on a network node under
/// <c>/api/node/members/{memberId}</c> for each member, behind <see cref="MemberAccess"/>. The same endpoints serve both.
/// </summary>
public static class NodeRoutes
{
    public const string MemberRoute = "/api/node/members/{" + OriginMember.RouteKey + ":guid}";

    public static WebApplication MapNodeApis(this WebApplication app, NodeSettings settings)
    {
        var records = settings.Network ? app.MapGroup(MemberRoute).RequireMemberAccess() : app.MapGroup("/api/node");
        records.MapCityPracticesApi();
        records.MapProfileApi();
        records.MapProjectUpdatesApi();
        records.MapCityEventsApi();
        records.MapFederationApi();
        if (settings.Network)
            app.MapNetworkDeskApi();
        else
            app.MapTakeoverApi();
        return app;
    }
}
