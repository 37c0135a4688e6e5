using System.Diagnostics.Metrics;
using Grpc.Core;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using Microsoft.Extensions.Time.Testing;

namespace Kommune20.Federation.Tests;

public sealed class FloodGuardTests : IDisposable
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    readonly FederationMetrics _metrics = new();
    readonly PushLimits _limits = new() { MaxBatchesPerWindow = 10, MaxRefusedPerWindow = 5, Window = TimeSpan.FromMinutes(1), BlockFor = TimeSpan.FromSeconds(30) };

    [Fact]
    public void A_credential_with_too_many_refused_changes_in_a_window_is_refused_for_a_while_and_counted()
    {
        var guard = new FloodGuard(_limits, _metrics, _clock);
        using var listener = LimitedCalls(out var limited);

        guard.Count(Samples.Metropolregion, refused: 5);
        guard.EnsureAllowed(Samples.Metropolregion);
        guard.Count(Samples.Metropolregion, refused: 1);

        var refused = Assert.Throws<RpcException>(() => guard.EnsureAllowed(Samples.Metropolregion));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal("30", refused.Trailers.GetValue(PushTrailers.RetryAfter));
        guard.EnsureAllowed(Samples.Heidelberg);
        Assert.Equal([(Samples.Metropolregion.ToString(), FederationMetrics.Flood)], limited);

        _clock.Advance(TimeSpan.FromSeconds(31));
        guard.EnsureAllowed(Samples.Metropolregion);
    }

    [Fact]
    public void Batches_count_per_window_and_a_new_window_starts_afresh()
    {
        var guard = new FloodGuard(_limits, _metrics, _clock);
        for (var i = 0; i < 10; i++)
            guard.Count(Samples.Heidelberg, refused: 0);
        _clock.Advance(TimeSpan.FromMinutes(1));
        guard.Count(Samples.Heidelberg, refused: 0);
        guard.EnsureAllowed(Samples.Heidelberg);

        for (var i = 0; i < 10; i++)
            guard.Count(Samples.Heidelberg, refused: 0);
        Assert.Equal(StatusCode.ResourceExhausted, Assert.Throws<RpcException>(() => guard.EnsureAllowed(Samples.Heidelberg)).StatusCode);
    }

    static MeterListener LimitedCalls(out List<(string Caller, string Reason)> seen)
    {
        var calls = new List<(string, string)>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == FederationMetrics.MeterName && instrument.Name == "kommune20.federation.limited_calls")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var named = tags.ToArray().ToDictionary(tag => tag.Key, tag => (string)tag.Value!);
            calls.Add((named["caller"], named["reason"]));
        });
        listener.Start();
        seen = calls;
        return listener;
    }

    public void Dispose() => _metrics.Dispose();
}
