namespace Kommune20.Portal.Exchange;

/// <summary>The live room as a participant sees it: the open guiding question, the audience's questions ranked, the takeaways.</summary>
public sealed record LiveRoomState(Guid SessionId, GuidingQuestion? OpenQuestion, List<AudienceQuestion> Questions, List<Takeaway> Takeaways);

/// <summary>A question from the audience, ranked by the room (open ones first, most upvoted first).</summary>
public sealed record AudienceQuestion(Guid Id, Guid? GuidingQuestionId, string AskerName, string Text, int Votes, DateTimeOffset AskedAt,
    DateTimeOffset? AnsweredAt);

public sealed record Takeaway(Guid Id, Guid GuidingQuestionId, string Text, DateTimeOffset RecordedAt);
