using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Scenarios;

/// <summary>
/// One benchmark: measures a hot path and its baseline in the same run and states its goals as checks.
/// A new scenario is one class implementing this, listed in <see cref="ScenarioCatalog"/>.
/// </summary>
public interface IScenario
{
    /// <summary>Short and stable: names the plots and bench/findings/&lt;id&gt;.md.</summary>
    string Id { get; }

    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
