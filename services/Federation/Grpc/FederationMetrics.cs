using System.Diagnostics.Metrics;

namespace Kommune20.Federation.Grpc;

/// <summary>
/// The hub's federation counters (meter <see cref="MeterName"/>): changes refused per caller, origin and reason, and
/// calls ended by a limit. The SDK caps the number of tag combinations per instrument, so callers naming ever new
/// origins cannot grow it either.
/// </summary>
public sealed class FederationMetrics : IDisposable
{
    public const string MeterName = "Kommune20.Federation";
    public const string Flood = "flood";
    public const string StreamBound = "stream-bound";

    readonly Meter _meter = new(MeterName);
    readonly Counter<long> _refused;
    readonly Counter<long> _limited;

    public FederationMetrics()
    {
        _refused = _meter.CreateCounter<long>("kommune20.federation.refused_changes", "{change}",
            "Changes the hub refused without storing them, by caller, origin and reason");
        _limited = _meter.CreateCounter<long>("kommune20.federation.limited_calls", "{call}",
            "Federation calls ended with RESOURCE_EXHAUSTED, by caller and reason (flood, stream-bound)");
    }

    public void Refused(Guid caller, Guid origin, string reason, int changes) =>
        _refused.Add(changes, new("caller", caller.ToString()), new("origin", origin.ToString()), new("reason", reason));

    public void Limited(Guid caller, string reason) =>
        _limited.Add(1, new("caller", caller.ToString()), new("reason", reason));

    public void Dispose() => _meter.Dispose();
}
