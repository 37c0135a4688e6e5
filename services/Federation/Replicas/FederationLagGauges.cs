using System.Diagnostics.Metrics;
using Kommune20.Federation.Data;
using Kommune20.Federation.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// Federation lag per city (tag <c>origin</c>, the member id), read from the feed cursors when the gauges are read (a
/// scrape): how many changes the best-placed feed of the origin is behind the head its node last reported, and how long
/// ago any feed of the origin last reached the hub. A node that stops pushing shows as a growing age, not as lag: the hub
/// cannot know of changes it was never told about. The SDK caps the tag combinations per instrument (2,000 by default);
/// a larger network's further cities land in its overflow series.
/// </summary>
public sealed class FederationLagGauges : IDisposable
{
    readonly Meter _meter = new(FederationMetrics.MeterName);
    readonly IServiceScopeFactory _scopes;
    readonly TimeProvider _clock;

    public FederationLagGauges(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _meter.CreateObservableGauge("kommune20.federation.lag", Lag, "{change}",
            "Changes of an origin's log the hub has not yet processed, by origin (the feed closest to the head)");
        _meter.CreateObservableGauge("kommune20.federation.last_push_age", LastPushAge, "s",
            "Time since a feed of the origin last reached the hub, by origin");
    }

    IEnumerable<Measurement<long>> Lag() =>
        Feeds().GroupBy(feed => feed.Origin).Select(origin =>
            new Measurement<long>(origin.Min(feed => Math.Max(0, feed.Head - feed.Acknowledged)), Tag(origin.Key)));

    IEnumerable<Measurement<double>> LastPushAge()
    {
        var now = _clock.GetUtcNow();
        return Feeds().GroupBy(feed => feed.Origin).Select(origin =>
            new Measurement<double>(Math.Max(0, (now - origin.Max(feed => feed.UpdatedAt)).TotalSeconds), Tag(origin.Key)));
    }

    static KeyValuePair<string, object?> Tag(Guid origin) => new("origin", origin.ToString());

    List<(Guid Origin, long Head, long Acknowledged, DateTimeOffset UpdatedAt)> Feeds()
    {
        using var scope = _scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<FederationDb>().Cursors.AsNoTracking()
            .Select(cursor => new { cursor.OriginMemberId, cursor.HeadVersion, cursor.AcknowledgedVersion, cursor.UpdatedAt })
            .AsEnumerable()
            .Select(cursor => (cursor.OriginMemberId, cursor.HeadVersion, cursor.AcknowledgedVersion, cursor.UpdatedAt))
            .ToList();
    }

    public void Dispose() => _meter.Dispose();
}
