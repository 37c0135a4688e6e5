namespace Kommune20.Meetings.Exchange;

/// <summary>A guiding question (Leitfrage) of a session; one a panelist added for themselves names them.</summary>
public sealed class GuidingQuestion
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public int Position { get; set; }
    public required string Text { get; set; }
    /// <summary>The panelist who asked it of themselves; null for the moderators' questions.</summary>
    public Guid? PanelistId { get; init; }
    /// <summary>When the moderators last opened it in the live room.</summary>
    public DateTimeOffset? OpenedAt { get; set; }
}
