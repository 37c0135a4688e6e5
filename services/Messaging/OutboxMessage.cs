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
}
