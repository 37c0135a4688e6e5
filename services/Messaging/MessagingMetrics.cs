using System.Diagnostics.Metrics;

namespace Kommune20.Messaging;

/// <summary>
/// What an operator watches of the outbox and inbox (meter <c>Kommune20.Messaging</c>): messages published, failed
/// attempts, dead letters, redeliveries the inbox skipped; the outbox's backlog is read at scrape time (<see cref="OutboxGauges{TDb}"/>).
/// </summary>
public static class MessagingMetrics
{
    public const string MeterName = "Kommune20.Messaging";

    static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("kommune20.outbox.published", description: "Outbox messages published to the broker.");
    public static readonly Counter<long> FailedAttempts = Meter.CreateCounter<long>("kommune20.outbox.failed_attempts", description: "Publishes that failed and will be retried or dead-lettered.");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("kommune20.outbox.dead_lettered", description: "Outbox messages given up after the attempt cap.");
    public static readonly Counter<long> RedeliveriesSkipped = Meter.CreateCounter<long>("kommune20.inbox.redeliveries_skipped", description: "Messages a consumer had handled before and skipped.");
}
