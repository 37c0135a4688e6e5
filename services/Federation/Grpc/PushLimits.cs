using Kommune20.Federation.Provenance;

namespace Kommune20.Federation.Grpc;

/// <summary>
/// Bounds on what one caller may put on the hub (configuration section <c>Federation:Limits</c>; the tests shorten the
/// times). The defaults leave an honest node ample room: it pushes a batch of up to 200 changes every few hundred
/// milliseconds at most, and a refusal of its own records for a foreign origin never happens.
/// </summary>
public sealed class PushLimits
{
    /// <summary>Batches one push stream (or chunks one re-sync) may carry; the next ends the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxBatchesPerStream { get; init; } = 1_000;

    /// <summary>The window in which a credential's batches and refused changes are counted.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxBatchesPerWindow { get; init; } = 3_000;

    /// <summary>Changes refused with PERMISSION_DENIED (no consent, or what the origin delivered itself) per window.</summary>
    public int MaxRefusedPerWindow { get; init; } = 1_000;

    /// <summary>How long a credential that exceeded a window's bound is answered RESOURCE_EXHAUSTED.</summary>
    public TimeSpan BlockFor { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the Registry's refusal of a relay's consent is remembered (a consent itself never is; see ProvenanceCheck).</summary>
    public TimeSpan ConsentCache { get; init; } = ProvenanceCheck.DefaultRememberFor;
}
