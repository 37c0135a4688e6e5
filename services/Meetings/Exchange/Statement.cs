using Kommune20.Meetings.Practices;

namespace Kommune20.Meetings.Exchange;

/// <summary>
/// What a panelist wrote (Markdown with links): an answer to a guiding question put to them, a preface to their answers,
/// or a statement that follows no question. Only the panelist writes and changes it.
/// </summary>
public sealed class Statement
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid PanelistId { get; init; }
    public StatementKind Kind { get; init; }
    /// <summary>The question answered; set exactly for <see cref="StatementKind.Answer"/>.</summary>
    public Guid? QuestionId { get; init; }
    public required string Text { get; set; }
    /// <summary>Practices of the library the statement points to (e.g. one the panelist's member wants to adopt).</summary>
    public List<LinkedPractice> Practices { get; set; } = [];
    public DateTimeOffset WrittenAt { get; init; }
    public DateTimeOffset? ChangedAt { get; set; }
}

public enum StatementKind
{
    Answer,
    Preface,
    General,
}
