namespace Kommune20.Contracts.Meetings;

/// <summary>
/// A panelist wrote or changed a statement of an exchange session. <paramref name="Kind"/> is <c>answer</c> (to
/// <paramref name="QuestionId"/>), <c>preface</c> or <c>general</c>; the text stays in Meetings until the results are published.
/// </summary>
public sealed record StatementSubmitted(Guid SessionId, Guid StatementId, Guid PanelistId, Guid PersonId, string Kind,
    Guid? QuestionId, DateTimeOffset SubmittedAt);
