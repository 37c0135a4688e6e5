namespace Kommune20.Meetings.Exchange;

/// <summary>A moderator reminded a panelist of the questions still unanswered (sent on by Notifications from the event).</summary>
public sealed class Reminder
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid PanelistId { get; init; }
    public Guid SentBy { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public List<Guid> OpenQuestionIds { get; init; } = [];
}
