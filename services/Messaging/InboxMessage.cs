namespace Kommune20.Messaging;

/// <summary>A message a consumer has already handled; a second delivery of the same message id is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
