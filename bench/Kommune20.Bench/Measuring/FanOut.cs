using System.Diagnostics;

namespace Kommune20.Bench.Measuring;

/// <summary>
/// One broadcast to a room of participants: from the instant it was triggered (the request sent) until each participant
/// had it. A participant without it when the round gave up missed it; the broadcast is done when its last participant
/// has it, and one with a missed delivery counts as taking the whole give-up time.
/// </summary>
/// <param name="DeliveryMs">Each delivery's latency, of the participants who got it.</param>
/// <param name="LastMs">Until the last participant had it (the give-up time when any missed it).</param>
public sealed record FanOut(int Participants, int Missed, double LastMs, IReadOnlyList<double> DeliveryMs)
{
    /// <param name="triggered">The <see cref="Stopwatch"/> timestamp at which the trigger was sent.</param>
    /// <param name="receivedAt">Per participant, the timestamp at which it got the broadcast, or null if it never did.</param>
    /// <param name="giveUpMs">How long the round waited for the last participant.</param>
    public static FanOut Of(long triggered, IReadOnlyCollection<long?> receivedAt, double giveUpMs)
    {
        var deliveries = receivedAt.OfType<long>().Select(at => Stopwatch.GetElapsedTime(triggered, at).TotalMilliseconds).ToList();
        var missed = receivedAt.Count - deliveries.Count;
        return new FanOut(receivedAt.Count, missed, missed > 0 || deliveries.Count == 0 ? giveUpMs : deliveries.Max(), deliveries);
    }
}
