namespace Kommune20.Bench.Scenarios;

/// <summary>Every scenario in the order a run measures them; memory comes first, while the services are still at rest.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new MemoryScenario(),
        new GatewayProxyScenario(),
        new GatewayFeaturesScenario(),
        new GrpcUnaryScenario(),
        new MessagingScenario(),
        new ColdStartScenario(),
    ];
}
