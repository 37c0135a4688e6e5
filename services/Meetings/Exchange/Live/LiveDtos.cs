using Kommune20.Meetings.Practices;

namespace Kommune20.Meetings.Exchange.Live;

public sealed record AudienceQuestionInput(string? Text);

/// <summary>A takeaway under a guiding question; <c>practiceIds</c> links practices of the library (their ids there).</summary>
public sealed record TakeawayInput(Guid? GuidingQuestionId, string? Text, List<Guid>? PracticeIds);

/// <summary>An audience question as the room sees it: who asked (by name; <c>guest</c>: a guest, whose name nobody checked), how many upvoted, answered or not.</summary>
public sealed record AudienceQuestionDto(Guid Id, Guid? GuidingQuestionId, string AskerName, bool Guest, string Text, int Votes, DateTimeOffset AskedAt,
    DateTimeOffset? AnsweredAt);

public sealed record TakeawayDto(Guid Id, Guid GuidingQuestionId, string Text, List<LinkedPractice> Practices, DateTimeOffset RecordedAt)
{
    public static TakeawayDto From(Takeaway takeaway) =>
        new(takeaway.Id, takeaway.GuidingQuestionId, takeaway.Text, takeaway.Practices, takeaway.RecordedAt);
}

/// <summary>What a participant sees on joining: the open guiding question, the audience questions ranked, the takeaways.</summary>
public sealed record LiveRoomState(Guid SessionId, QuestionDto? OpenQuestion, List<AudienceQuestionDto> Questions, List<TakeawayDto> Takeaways);
