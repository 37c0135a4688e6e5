using Kommune20.Meetings.Practices;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>A question a participant posts in the live room, to the guiding question open at the time; the moderators mark it answered.</summary>
public sealed class AudienceQuestion
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid? GuidingQuestionId { get; init; }
    /// <summary>The Registry person who asked it; null when a guest asked.</summary>
    public Guid? AskedBy { get; init; }
    /// <summary>The guest (their pass) who asked it; null when a person asked.</summary>
    public Guid? AskedByGuest { get; init; }
    public required string AskerName { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset AskedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>One participant's upvote of one audience question; the key (question, participant, guest or not) keeps it to one.</summary>
public sealed class AudienceVote
{
    public Guid QuestionId { get; init; }
    /// <summary>A Registry person, or with <see cref="ByGuest"/> a guest's pass.</summary>
    public Guid ParticipantId { get; init; }
    public bool ByGuest { get; init; }
    public DateTimeOffset VotedAt { get; init; }
}

/// <summary>What the moderators record as learned under a guiding question (Erkenntnis).</summary>
public sealed class Takeaway
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    public Guid GuidingQuestionId { get; init; }
    public required string Text { get; init; }
    /// <summary>Practices of the library the takeaway points to, for the members who want to adopt them.</summary>
    public List<LinkedPractice> Practices { get; init; } = [];
    public Guid RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
