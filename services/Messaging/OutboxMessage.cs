namespace Kommune20.Messaging;

/// <summary>An integration event committed in the same transaction as the state change it announces.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? TraceParent { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set after a failed publish: the message (and every later one) waits until then.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Set when the message was given up after <see cref="OutboxOptions.MaxAttempts"/>; <see cref="LastError"/> says why.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }
}
