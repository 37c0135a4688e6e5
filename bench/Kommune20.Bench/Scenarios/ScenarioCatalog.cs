namespace Kommune20.Bench.Scenarios;

/// <summary>
/// Every scenario in the order a run measures them; memory comes first, while the services are still at rest, and the
/// scenarios that fill the hub with data come last: the library's search, then what reads the library at the size the
/// search left it (its freshness with 100 cities editing their practices, the portal's pages, a practice's details, the
/// open-data catalogue),
/// before the federation's sync, whose events the library goes on indexing, then the votes (1,000 voting members with
/// their delegates, a quorum of them present), the live room (1,000 more members' people in one session's room), the
/// pilot projects' updates (100 more cities), one update to 1,000 webhook subscribers, a network node relaying for 500
/// municipalities (1,000 more members against as many separate nodes in two pairs of runs), and the fleet, which
/// registers 10,800 members in the Registry: after it, 1,000 delegates would be no quorum. The member list and network
/// graph follow, over the fleet's members, and last the library's search at 1,000,000 practices, which would change
/// the size every scenario before it reads.
/// </summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new MemoryScenario(),
        new GatewayProxyScenario(),
        new GatewayFeaturesScenario(),
        new TokenGrantsScenario(),
        new GrpcUnaryScenario(),
        new MessagingScenario(),
        new ColdStartScenario(),
        new LibrarySearchScenario(),
        new FreshnessScenario(),
        new PortalPagesScenario(),
        new PracticeDetailScenario(),
        new CatalogueScenario(),
        new FederationSyncScenario(),
        new VotesScenario(),
        new LiveRoomScenario(),
        new ProjectUpdatesScenario(),
        new WebhookFanOutScenario(),
        new NetworkRelayScenario(),
        new FederationFleetScenario(),
        new MembersScenario(),
        new LibraryAtScaleScenario(),
    ];
}
