namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// The order the room shows audience questions in: open ones first, most upvoted first, among equals the earlier
/// asked; answered ones after, most recently answered first.
/// </summary>
public static class AudienceRanking
{
    public static List<AudienceQuestionDto> Rank(IEnumerable<AudienceQuestionDto> questions) => questions
        .OrderBy(q => q.AnsweredAt is not null)
        .ThenByDescending(q => q.AnsweredAt is null ? q.Votes : 0)
        .ThenByDescending(q => q.AnsweredAt)
        .ThenBy(q => q.AskedAt)
        .ThenBy(q => q.Id)
        .ToList();
}
