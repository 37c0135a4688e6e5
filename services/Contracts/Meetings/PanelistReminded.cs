namespace Kommune20.Contracts.Meetings;

/// <summary>A moderator reminded a panelist (the Registry person <paramref name="PersonId"/>) of the guiding questions still unanswered.</summary>
public sealed record PanelistReminded(Guid SessionId, string SessionTitle, Guid PanelistId, Guid PersonId,
    IReadOnlyList<string> OpenQuestions, DateTimeOffset RemindedAt);
